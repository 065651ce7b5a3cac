package org.dltips.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The lecture's claims about optimizers, shown on the playground's surfaces with fixed settings. */
class LectureClaimsTest {

    @Test
    void gradientDescentWithATooBigRateDivergesAndSaysSo() {
        Trajectory path = Playground.run(Surface.elongatedBowl(), Optimizers.gradientDescent(0.2), 100);
        assertTrue(path.diverged(), path.toString());
        assertTrue(path.steps() < 100, "stops early, took " + path.steps());
        assertTrue(path.toString().contains("DIVERGED: at step " + (path.steps() + 1)), path.toString());
        assertTrue(path.toString().contains("the learning rate is probably too big"), path.toString());
    }

    @Test
    void aRateThatOverflowsToInfinityStopsCleanlyWithOnlyFinitePositions() {
        Trajectory path = Playground.run(Surface.rosenbrock(), Optimizers.gradientDescent(0.1), 100);
        assertTrue(path.diverged(), path.toString());
        for (double[] p : path.positions()) {
            assertTrue(Double.isFinite(p[0]) && Double.isFinite(p[1]), "kept only finite positions");
        }
        assertEquals(path.positions().size(), path.values().length);
    }

    @Test
    void gradientDescentWithATooSmallRateCrawls() {
        Trajectory tiny = Playground.run(Surface.elongatedBowl(), Optimizers.gradientDescent(0.001), 100);
        Trajectory good = Playground.run(Surface.elongatedBowl(), Optimizers.gradientDescent(0.09), 100);
        assertFalse(tiny.diverged());
        assertTrue(tiny.distanceToMinimum() > 4.5, tiny.toString());
        assertTrue(good.distanceToMinimum() < 1, good.toString());
    }

    @Test
    void adagradNeedsALargerBaseRateThanGradientDescent() {
        Trajectory likeDescent = Playground.run(Surface.elongatedBowl(), Optimizers.adagrad(0.01), 100);
        Trajectory larger = Playground.run(Surface.elongatedBowl(), Optimizers.adagrad(1.0), 100);
        assertTrue(likeDescent.distanceToMinimum() > 5, "barely moves: " + likeDescent);
        assertTrue(larger.distanceToMinimum() < 1e-3, "reaches the minimum: " + larger);
    }

    @Test
    void rmsPropAdaptsFasterThanAdagradAlongTheBananaValley() {
        double[][] starts = {{-1.5, 2}, {-1.2, 1}, {-1.8, 2.5}, {0, 2.5}, {1.8, -0.5}, {-0.5, -0.5}};
        for (double[] start : starts) {
            Trajectory adagrad = Playground.run(Surface.rosenbrock(), Optimizers.adagrad(1.0), start[0], start[1], 1000);
            Trajectory rms = Playground.run(Surface.rosenbrock(), Optimizers.rmsProp(0.01), start[0], start[1], 1000);
            assertTrue(rms.distanceToMinimum() < adagrad.distanceToMinimum(), rms + " vs " + adagrad);
        }
    }

    @Test
    void rmsPropIsUnstableWhenItsRateIsBig() {
        double calm = swing(Playground.run(Surface.rosenbrock(), Optimizers.rmsProp(0.01), 1000));
        double wild = swing(Playground.run(Surface.rosenbrock(), Optimizers.rmsProp(1.0), 1000));
        assertTrue(calm < 2, "rate 0.01 settles: max/min over the last 100 steps " + calm);
        assertTrue(wild > 100, "rate 1 keeps jumping: max/min over the last 100 steps " + wild);
    }

    @Test
    void adamReachesTheRosenbrockMinimumWhereRmsPropDoesNotInTheSameSteps() {
        double[][] starts = {{-1.5, 2}, {-1.2, 1}, {-1.8, 2.5}, {0, 2.5}, {1.8, -0.5}, {-0.5, -0.5}};
        for (double rate : new double[] {0.01, 0.02, 0.03}) {
            for (double[] start : starts) {
                Trajectory adam = Playground.run(Surface.rosenbrock(), Optimizers.adam(rate), start[0], start[1], 1000);
                Trajectory rms = Playground.run(Surface.rosenbrock(), Optimizers.rmsProp(rate), start[0], start[1], 1000);
                assertTrue(adam.distanceToMinimum() < 0.01, adam.toString());
                assertTrue(rms.distanceToMinimum() > 0.1, rms.toString());
            }
        }
    }

    @Test
    void momentumRollsPastRastriginLocalMinimaWhereGradientDescentStops() {
        Surface holes = Surface.rastrigin();
        int starts = 0;
        int lower = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double x = -4.6 + 0.2 * i;
                double y = 3.4 + 0.2 * j;
                Trajectory descent = Playground.run(holes, Optimizers.gradientDescent(0.001), x, y, 3000);
                Trajectory momentum = Playground.run(holes, Optimizers.momentum(0.005, 0.99), x, y, 3000);
                assertTrue(descent.finalValue() > 15, "gradient descent stops in a hole near the start: " + descent);
                starts++;
                if (momentum.finalValue() < descent.finalValue() - 1) {
                    lower++;
                }
            }
        }
        assertTrue(lower >= 33, "momentum ends lower than gradient descent from " + lower + " of " + starts + " starts");
    }

    private static double swing(Trajectory path) {
        double[] v = path.values();
        double max = 0;
        double min = Double.MAX_VALUE;
        for (int i = v.length - 100; i < v.length; i++) {
            max = Math.max(max, v[i]);
            min = Math.min(min, v[i]);
        }
        return max / min;
    }
}
