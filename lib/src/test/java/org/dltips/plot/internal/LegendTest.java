package org.dltips.plot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dltips.playground.Optimizers;
import org.dltips.playground.Playground;
import org.dltips.playground.Surface;
import org.dltips.playground.Trajectory;
import org.junit.jupiter.api.Test;

/** A legend line too long for the picture drops details but keeps the distance to the minimum. */
class LegendTest {

    /** Two steps of rate 0.25 on the bowl from (2, 0) end at (0.5, 0), 0.5 from the minimum. */
    private static final Trajectory HALVING = Playground.run(Surface.bowl(), Optimizers.gradientDescent(0.25), 2, 0, 2);

    @Test
    void aLineThatFitsSaysEverything() {
        assertEquals("gradient descent (rate 0.25): 2 steps, ended at (0.500, 0.00), 0.500 from the minimum",
                Legend.line(HALVING, String::length, 200));
    }

    @Test
    void aLongLineDropsTheStepsThenTheEndPoint() {
        String full = Legend.line(HALVING, String::length, 1000);
        assertEquals("gradient descent (rate 0.25): ended at (0.500, 0.00), 0.500 from the minimum",
                Legend.line(HALVING, String::length, full.length() - 1));
        assertEquals("gradient descent (rate 0.25): 0.500 from the minimum", Legend.line(HALVING, String::length, 40));
    }

    @Test
    void aDivergedPathSaysWhen() {
        Trajectory tooBig = Playground.run(Surface.elongatedBowl(), Optimizers.gradientDescent(0.2), 100);
        assertEquals("gradient descent (rate 0.2): diverged after " + tooBig.steps() + " steps",
                Legend.line(tooBig, String::length, 10));
    }
}
