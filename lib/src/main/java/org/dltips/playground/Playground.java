package org.dltips.playground;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs an optimizer on a 2-D surface and records its path. Introduced in the notebook on optimizers written by
 * hand; draw the result with {@code Plots.trajectories}.
 *
 * <p>{@code Trajectory path = Playground.run(Surface.rastrigin(), Optimizers.momentum(0.01, 0.9), 500);}
 *
 * <p>A run that blows up (a rate too big) does not throw: it stops at the first step whose position, gradient
 * or height is not a finite number, or whose position is more than {@value #RUNAWAY} times the drawn area's
 * width away from the minimum; it keeps the path up to there and says so in {@link Trajectory#toString()}.
 */
public final class Playground {

    /** How many widths of the drawn area away from the minimum count as running away (diverged). */
    public static final double RUNAWAY = 1e4;

    private Playground() {
    }

    /** Runs {@code steps} steps from the surface's default start. {@code Playground.run(Surface.bowl(), Optimizers.gradientDescent(0.1), 50)} */
    public static Trajectory run(Surface surface, Optimizer2D optimizer, int steps) {
        double[] start = surface.start();
        return run(surface, optimizer, start[0], start[1], steps);
    }

    /** Runs {@code steps} steps from ({@code x}, {@code y}). {@code Playground.run(Surface.rosenbrock(), Optimizers.adam(0.1), -1.5, 2, 1000)} */
    public static Trajectory run(Surface surface, Optimizer2D optimizer, double x, double y, int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be 0 or more, got " + steps + "; e.g. 1000");
        }
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("the start point must be finite, got (" + x + ", " + y
                    + "); e.g. surface.start()");
        }
        List<double[]> positions = new ArrayList<>();
        double[] values = new double[steps + 1];
        double[] position = {x, y};
        positions.add(position);
        values[0] = surface.value(x, y);
        String divergence = null;
        for (int t = 1; t <= steps; t++) {
            double[] gradient = surface.gradient(position[0], position[1]);
            if (!finite(gradient)) {
                divergence = at(t, "the gradient became " + text(gradient));
                break;
            }
            double[] next = optimizer.step(position.clone(), gradient.clone(), t);
            if (next == null || next.length != 2) {
                throw new IllegalStateException(optimizer.name() + " returned " + (next == null ? "null" : next.length
                        + " numbers") + " at step " + t + "; step(...) must return the new point as new double[] {x, y}");
            }
            double value = surface.value(next[0], next[1]);
            if (!finite(next) || !Double.isFinite(value)) {
                divergence = at(t, "the position became " + text(next) + " with f = " + value);
                break;
            }
            if (runningAway(surface, next)) {
                divergence = at(t, "the position ran away to " + text(next) + ", far outside the surface");
                break;
            }
            position = next.clone();
            positions.add(position);
            values[t] = value;
        }
        double[] kept = java.util.Arrays.copyOf(values, positions.size());
        return new Trajectory(optimizer.name(), surface, positions, kept, divergence);
    }

    private static String at(int step, String what) {
        return "at step " + step + " " + what + "; the learning rate is probably too big, try a smaller one";
    }

    private static boolean runningAway(Surface surface, double[] p) {
        double width = Math.max(surface.xMax() - surface.xMin(), surface.yMax() - surface.yMin());
        double[] min = surface.minimum();
        return Math.hypot(p[0] - min[0], p[1] - min[1]) > RUNAWAY * width;
    }

    private static boolean finite(double[] v) {
        return Double.isFinite(v[0]) && Double.isFinite(v[1]);
    }

    private static String text(double[] v) {
        return String.format(Locale.ROOT, "(%.4g, %.4g)", v[0], v[1]);
    }
}
