package org.dltips.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Comparing a hand-written optimizer's path with a built-in one. */
class TrajectoryGapTest {

    @Test
    void theSameRuleWrittenAgainLeavesNoGap() {
        Optimizer2D byHand = (p, g, t) -> new double[] {p[0] - 0.01 * g[0], p[1] - 0.01 * g[1]};
        Trajectory mine = Playground.run(Surface.rosenbrock(), byHand, 200);
        Trajectory library = Playground.run(Surface.rosenbrock(), Optimizers.gradientDescent(0.01), 200);
        assertEquals(0, mine.largestGapTo(library));
    }

    @Test
    void theGapIsTheLargestDistanceAtTheSameStep() {
        // on the bowl from (2, 0): rate 0.25 halves x (2, 1, 0.5), rate 0.5 jumps to 0 (2, 0, 0)
        Trajectory halving = Playground.run(Surface.bowl(), Optimizers.gradientDescent(0.25), 2, 0, 2);
        Trajectory jumping = Playground.run(Surface.bowl(), Optimizers.gradientDescent(0.5), 2, 0, 2);
        assertEquals(1.0, halving.largestGapTo(jumping), 1e-12);
        assertEquals(1.0, jumping.largestGapTo(halving), 1e-12);
    }

    @Test
    void onlyTheStepsBothTookCount() {
        Trajectory shortRun = Playground.run(Surface.bowl(), Optimizers.gradientDescent(0.25), 2, 0, 1);
        Trajectory longRun = Playground.run(Surface.bowl(), Optimizers.gradientDescent(0.25), 2, 0, 50);
        assertEquals(0, shortRun.largestGapTo(longRun));
    }

    @Test
    void pathsOnDifferentSurfacesCannotBeCompared() {
        Trajectory bowl = Playground.run(Surface.bowl(), Optimizers.adam(0.1), 10);
        Trajectory banana = Playground.run(Surface.rosenbrock(), Optimizers.adam(0.1), 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bowl.largestGapTo(banana));
        assertEquals("largestGapTo compares two paths on the same surface, got bowl and Rosenbrock; run both "
                + "optimizers on one surface", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> bowl.largestGapTo(null));
    }
}
