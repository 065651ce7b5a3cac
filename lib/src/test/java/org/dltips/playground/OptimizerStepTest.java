package org.dltips.playground;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** One or two steps of each built-in optimizer, worked out by hand. */
class OptimizerStepTest {

    private static final double TOLERANCE = 1e-9;

    @Test
    void gradientDescentMovesAgainstTheGradientTimesTheRate() {
        double[] next = Optimizers.gradientDescent(0.1).step(new double[] {1, 2}, new double[] {3, -4}, 1);
        assertArrayEquals(new double[] {0.7, 2.4}, next, TOLERANCE);
    }

    @Test
    void adagradDividesByTheRootOfTheSummedSquares() {
        Optimizer2D adagrad = Optimizers.adagrad(1.0);
        // step 1: sigma = |g| so each coordinate moves by exactly the rate
        double[] first = adagrad.step(new double[] {0, 0}, new double[] {3, -4}, 1);
        assertArrayEquals(new double[] {-1, 1}, first, TOLERANCE);
        // step 2: sums of squares 9 + 16 = 25 and 16 + 9 = 25, sigma = 5 in both
        double[] second = adagrad.step(first, new double[] {4, 3}, 2);
        assertArrayEquals(new double[] {-1 - 4.0 / 5, 1 - 3.0 / 5}, second, TOLERANCE);
    }

    @Test
    void rmsPropStartsFromTheFirstSquareThenAveragesWithAlpha() {
        Optimizer2D rmsProp = Optimizers.rmsProp(0.5, 0.9);
        double[] first = rmsProp.step(new double[] {0, 0}, new double[] {2, 1}, 1);
        assertArrayEquals(new double[] {-0.5, -0.5}, first, TOLERANCE);
        // sigma² = 0.9 * 4 + 0.1 * 16 = 5.2 and 0.9 * 1 + 0.1 * 0 = 0.9
        double[] second = rmsProp.step(first, new double[] {4, 0}, 2);
        assertArrayEquals(new double[] {-0.5 - 0.5 * 4 / Math.sqrt(5.2), -0.5}, second, TOLERANCE);
    }

    @Test
    void momentumStartsFromTheFirstGradientThenAveragesWithBeta() {
        Optimizer2D momentum = Optimizers.momentum(0.1, 0.9);
        double[] first = momentum.step(new double[] {0, 0}, new double[] {1, -2}, 1);
        assertArrayEquals(new double[] {-0.1, 0.2}, first, TOLERANCE);
        // m = 0.9 * (1, -2) + 0.1 * (0, 0) = (0.9, -1.8): it keeps rolling where the gradient is zero
        double[] second = momentum.step(first, new double[] {0, 0}, 2);
        assertArrayEquals(new double[] {-0.19, 0.38}, second, TOLERANCE);
    }

    @Test
    void adamCombinesMomentumAndRmsProp() {
        Optimizer2D adam = Optimizers.adam(0.1, 0.9, 0.9);
        double[] first = adam.step(new double[] {0, 0}, new double[] {2, -3}, 1);
        assertArrayEquals(new double[] {-0.1, 0.1}, first, TOLERANCE);
        // m = 0.9 * 2 + 0.1 * 0 = 1.8; sigma² = 0.9 * 4 + 0 = 3.6
        double[] second = adam.step(first, new double[] {0, 1}, 2);
        double mY = 0.9 * -3 + 0.1 * 1;
        double sY = 0.9 * 9 + 0.1 * 1;
        assertArrayEquals(new double[] {-0.1 - 0.1 * 1.8 / Math.sqrt(3.6), 0.1 - 0.1 * mY / Math.sqrt(sY)}, second,
                TOLERANCE);
    }

    @Test
    void aZeroGradientNeverDividesByZero() {
        double[] next = Optimizers.adagrad(1).step(new double[] {1, 1}, new double[] {0, 0}, 1);
        assertArrayEquals(new double[] {1, 1}, next, 0);
    }

    @Test
    void builtInsNameThemselvesWithTheirSettings() {
        assertEquals("Adam (rate 0.1, β 0.9, α 0.9)", Optimizers.adam(0.1).name());
        assertEquals("gradient descent (rate 0.01)", Optimizers.gradientDescent(0.01).name());
    }

    @Test
    void surfaceGradientsMatchFiniteDifferences() {
        for (Surface surface : new Surface[] {Surface.rosenbrock(), Surface.rastrigin(), Surface.bowl(),
                Surface.elongatedBowl()}) {
            double x = 0.37;
            double y = -0.81;
            double h = 1e-6;
            double[] g = surface.gradient(x, y);
            double dx = (surface.value(x + h, y) - surface.value(x - h, y)) / (2 * h);
            double dy = (surface.value(x, y + h) - surface.value(x, y - h)) / (2 * h);
            assertEquals(dx, g[0], 1e-4 * Math.max(1, Math.abs(dx)), surface.name() + " df/dx");
            assertEquals(dy, g[1], 1e-4 * Math.max(1, Math.abs(dy)), surface.name() + " df/dy");
            double[] min = surface.minimum();
            assertEquals(0, surface.value(min[0], min[1]), 1e-12, surface.name() + " minimum");
        }
    }
}
