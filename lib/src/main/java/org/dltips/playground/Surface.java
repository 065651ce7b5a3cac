package org.dltips.playground;

/**
 * A 2-D loss surface with its exact gradient, the terrain the optimizers of the playground walk on.
 * Introduced in the notebook on optimizers written by hand.
 *
 * <p>{@code Surface banana = Surface.rosenbrock(); double[] g = banana.gradient(0, 0);}
 *
 * <p>Each surface also carries the area worth drawing ({@link #xMin()} … {@link #yMax()}), a start point that
 * shows its difficulty, and where its global minimum is.
 */
public final class Surface {

    /** The height of a surface at a point. */
    @FunctionalInterface
    public interface Height {
        /** f(x, y). */
        double at(double x, double y);
    }

    /** The gradient of a surface at a point. */
    @FunctionalInterface
    public interface Gradient {
        /** Partial derivatives {df/dx, df/dy} at ({@code x}, {@code y}). */
        double[] at(double x, double y);
    }

    private final String name;
    private final Height function;
    private final Gradient gradient;
    private final double[] bounds;
    private final double[] start;
    private final double[] minimum;

    private Surface(String name, Height function, Gradient gradient,
                    double[] bounds, double[] start, double[] minimum) {
        this.name = name;
        this.function = function;
        this.gradient = gradient;
        this.bounds = bounds.clone();
        this.start = start.clone();
        this.minimum = minimum.clone();
    }

    /**
     * A surface of your own, e.g. a tilted bowl.
     *
     * <p>{@code Surface.of("tilted bowl", (x, y) -> x * x + y * y + x, (x, y) -> new double[] {2 * x + 1, 2 * y},
     * new double[] {-2, 2, -2, 2}, new double[] {1.5, 1.5}, new double[] {-0.5, 0})}
     *
     * @param bounds {xMin, xMax, yMin, yMax}: the area drawn
     * @param start the default start point {x, y}
     * @param minimum where the global minimum is {x, y}
     */
    public static Surface of(String name, Height function, Gradient gradient,
                             double[] bounds, double[] start, double[] minimum) {
        if (bounds.length != 4 || !(bounds[0] < bounds[1]) || !(bounds[2] < bounds[3])) {
            throw new IllegalArgumentException("bounds must be {xMin, xMax, yMin, yMax} with min < max, got "
                    + java.util.Arrays.toString(bounds) + "; e.g. new double[] {-2, 2, -1, 3}");
        }
        if (start.length != 2 || minimum.length != 2) {
            throw new IllegalArgumentException("start and minimum are points {x, y}, got lengths " + start.length
                    + " and " + minimum.length + "; e.g. new double[] {-1.5, 2}");
        }
        return new Surface(name, function, gradient, bounds, start, minimum);
    }

    /**
     * The Rosenbrock "banana" f = (1 - x)² + 100 (y - x²)²: a curved, flat-bottomed valley whose minimum
     * f = 0 is at (1, 1). Gradients are huge on the walls and tiny along the valley floor.
     *
     * <p>{@code Surface.rosenbrock().value(1, 1) // 0.0}
     */
    public static Surface rosenbrock() {
        return new Surface("Rosenbrock", (x, y) -> (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x),
                (x, y) -> new double[] {-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)},
                new double[] {-2, 2, -1, 3}, new double[] {-1.5, 2}, new double[] {1, 1});
    }

    /**
     * Rastrigin's "many holes" f = 20 + Σ (v² - 10 cos 2πv): a bowl covered in local minima about one unit
     * apart; the global minimum f = 0 is at (0, 0).
     *
     * <p>{@code Surface.rastrigin().value(0, 0) // 0.0}
     */
    public static Surface rastrigin() {
        double tau = 2 * Math.PI;
        return new Surface("Rastrigin", (x, y) -> 20 + x * x - 10 * Math.cos(tau * x) + y * y - 10 * Math.cos(tau * y),
                (x, y) -> new double[] {2 * x + 10 * tau * Math.sin(tau * x), 2 * y + 10 * tau * Math.sin(tau * y)},
                new double[] {-5.12, 5.12, -5.12, 5.12}, new double[] {-4.5, 4.5}, new double[] {0, 0});
    }

    /**
     * A round bowl f = x² + y², the easy case: every optimizer with a sensible rate reaches (0, 0).
     *
     * <p>{@code Surface.bowl().gradient(1, 2) // {2.0, 4.0}}
     */
    public static Surface bowl() {
        return new Surface("bowl", (x, y) -> x * x + y * y, (x, y) -> new double[] {2 * x, 2 * y},
                new double[] {-3, 3, -3, 3}, new double[] {-2.5, 2}, new double[] {0, 0});
    }

    /**
     * An elongated bowl f = 10 x² + 0.1 y²: steep across x, nearly flat along y, so one learning rate cannot
     * suit both directions. Plain gradient descent diverges above rate 0.1 and crawls along y below it.
     *
     * <p>{@code Surface.elongatedBowl().gradient(1, 1) // {20.0, 0.2}}
     */
    public static Surface elongatedBowl() {
        return new Surface("elongated bowl", (x, y) -> 10 * x * x + 0.1 * y * y,
                (x, y) -> new double[] {20 * x, 0.2 * y},
                new double[] {-3, 3, -6, 6}, new double[] {-2, 5}, new double[] {0, 0});
    }

    /** The surface's height at ({@code x}, {@code y}). */
    public double value(double x, double y) {
        return function.at(x, y);
    }

    /** The gradient {df/dx, df/dy} at ({@code x}, {@code y}). */
    public double[] gradient(double x, double y) {
        return gradient.at(x, y);
    }

    public String name() {
        return name;
    }

    public double xMin() {
        return bounds[0];
    }

    public double xMax() {
        return bounds[1];
    }

    public double yMin() {
        return bounds[2];
    }

    public double yMax() {
        return bounds[3];
    }

    /** The default start point {x, y}. */
    public double[] start() {
        return start.clone();
    }

    /** Where the global minimum is, {x, y}. */
    public double[] minimum() {
        return minimum.clone();
    }

    @Override
    public String toString() {
        return name + " surface, minimum at (" + minimum[0] + ", " + minimum[1] + ")";
    }
}
