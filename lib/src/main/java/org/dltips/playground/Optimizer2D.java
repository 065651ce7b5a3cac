package org.dltips.playground;

/**
 * One update rule for a point on a 2-D surface: given where we are and the gradient there, where to go next.
 * Introduced in the notebook on optimizers written by hand, where the student writes one in a cell.
 *
 * <p>An optimizer may remember things between steps (a sum of squared gradients, a momentum); keep that memory
 * in fields and use a fresh object for each run. A student's Adagrad:
 * <pre>{@code
 * class MyAdagrad implements Optimizer2D {
 *     double rate = 1.0;
 *     double[] sumOfSquares = new double[2];
 *     public double[] step(double[] p, double[] g, int t) {
 *         for (int i = 0; i < 2; i++) sumOfSquares[i] += g[i] * g[i];
 *         return new double[] {p[0] - rate * g[0] / Math.sqrt(sumOfSquares[0] + 1e-12),
 *                              p[1] - rate * g[1] / Math.sqrt(sumOfSquares[1] + 1e-12)};
 *     }
 * }
 * Playground.run(Surface.rosenbrock(), new MyAdagrad(), 1000)
 * }</pre>
 */
@FunctionalInterface
public interface Optimizer2D {

    /**
     * The next position.
     *
     * @param position the current point {x, y}; do not modify it, return a new array
     * @param gradient the surface's gradient {df/dx, df/dy} at {@code position}
     * @param t the step number, 1 for the first step
     * @return the new point {x, y}
     */
    double[] step(double[] position, double[] gradient, int t);

    /** A name for legends and messages; built-in optimizers include their settings. */
    default String name() {
        String simple = getClass().getSimpleName();
        return simple.isEmpty() || simple.contains("$") ? "my optimizer" : simple;
    }
}
