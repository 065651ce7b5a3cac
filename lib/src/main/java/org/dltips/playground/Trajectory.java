package org.dltips.playground;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The path one optimizer took on a surface: every position visited and the height there, and whether the run
 * ended because it diverged. Introduced in the notebook on optimizers written by hand.
 *
 * <p>{@code Trajectory path = Playground.run(Surface.rosenbrock(), Optimizers.adam(0.1), 1000); path.distanceToMinimum()}
 */
public final class Trajectory {

    private final String optimizer;
    private final Surface surface;
    private final List<double[]> positions;
    private final double[] values;
    private final String divergence;

    Trajectory(String optimizer, Surface surface, List<double[]> positions, double[] values, String divergence) {
        this.optimizer = optimizer;
        this.surface = surface;
        this.positions = List.copyOf(positions);
        this.values = values.clone();
        this.divergence = divergence;
    }

    /** The optimizer's name, used in legends. */
    public String optimizer() {
        return optimizer;
    }

    public Surface surface() {
        return surface;
    }

    /** Every position visited, the start first; all finite. */
    public List<double[]> positions() {
        List<double[]> copy = new ArrayList<>(positions.size());
        positions.forEach(p -> copy.add(p.clone()));
        return copy;
    }

    /** The surface's height at each position. */
    public double[] values() {
        return values.clone();
    }

    /** Number of steps taken (positions minus the start). */
    public int steps() {
        return positions.size() - 1;
    }

    /** The last finite position. */
    public double[] last() {
        return positions.get(positions.size() - 1).clone();
    }

    /** The height at the last finite position. */
    public double finalValue() {
        return values[values.length - 1];
    }

    /** True when the run stopped because the position, gradient or height stopped being a finite number. */
    public boolean diverged() {
        return divergence != null;
    }

    /** Euclidean distance from the last position to the surface's global minimum. */
    public double distanceToMinimum() {
        double[] end = last();
        double[] min = surface.minimum();
        return Math.hypot(end[0] - min[0], end[1] - min[1]);
    }

    /**
     * The first step after which the path stays within {@code radius} of the global minimum, or -1 if it never
     * settles there. {@code path.stepsToReach(0.01)}
     */
    public int stepsToReach(double radius) {
        double[] min = surface.minimum();
        int settled = -1;
        for (int i = positions.size() - 1; i >= 0; i--) {
            double[] p = positions.get(i);
            if (Math.hypot(p[0] - min[0], p[1] - min[1]) > radius) {
                break;
            }
            settled = i;
        }
        return settled;
    }

    /**
     * The largest distance between this path and {@code other} at the same step, over the steps both took: 0 when
     * two optimizers follow the same rule from the same start. Notebook 7 compares a student's optimizer with the
     * library's this way. {@code mine.largestGapTo(Playground.run(Surface.rosenbrock(), Optimizers.adam(0.01), 1000))}
     */
    public double largestGapTo(Trajectory other) {
        if (other == null) {
            throw new IllegalArgumentException("largestGapTo needs another path, got null; e.g. "
                    + "mine.largestGapTo(Playground.run(surface, Optimizers.adam(0.01), 1000))");
        }
        if (!other.surface.name().equals(surface.name())) {
            throw new IllegalArgumentException("largestGapTo compares two paths on the same surface, got "
                    + surface.name() + " and " + other.surface.name() + "; run both optimizers on one surface");
        }
        int common = Math.min(positions.size(), other.positions.size());
        double gap = 0;
        for (int i = 0; i < common; i++) {
            double[] p = positions.get(i);
            double[] q = other.positions.get(i);
            gap = Math.max(gap, Math.hypot(p[0] - q[0], p[1] - q[1]));
        }
        return gap;
    }

    /** One line: optimizer, surface, where it ended and how far from the minimum, or why it stopped. */
    @Override
    public String toString() {
        double[] end = last();
        String where = String.format(Locale.ROOT, "%s on %s: %d steps, ended at (%.4g, %.4g), f = %.4g, %.3g from the minimum",
                optimizer, surface.name(), steps(), end[0], end[1], finalValue(), distanceToMinimum());
        return diverged() ? where + "; DIVERGED: " + divergence : where;
    }
}
