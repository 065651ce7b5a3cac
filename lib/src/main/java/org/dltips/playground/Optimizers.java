package org.dltips.playground;

/**
 * The optimizers of the lecture, written out plainly so that a notebook can compare a student's version with
 * them. Introduced in the notebook on optimizers written by hand. Each call returns a fresh optimizer.
 *
 * <p>{@code Playground.run(Surface.rosenbrock(), Optimizers.adam(0.1), 1000)}
 *
 * <p>The formulas follow the lecture (θ is the position, g the gradient, η the rate, all per coordinate):
 * <ul>
 * <li>gradient descent: θ ← θ − η g</li>
 * <li>Adagrad: σ² ← σ² + g²; θ ← θ − η g / σ</li>
 * <li>RMSProp: σ² ← α σ² + (1 − α) g², starting from σ² = g² at the first step; θ ← θ − η g / σ</li>
 * <li>Momentum: m ← β m + (1 − β) g, starting from m = g at the first step; θ ← θ − η m</li>
 * <li>Adam (the lecture's form, without bias correction): both of the above; θ ← θ − η m / σ</li>
 * </ul>
 * A tiny {@value #EPSILON} is added under every square root so that a zero gradient never divides by zero.
 */
public final class Optimizers {

    /** Added under square roots to avoid dividing by zero. */
    public static final double EPSILON = 1e-12;

    private Optimizers() {
    }

    /** Plain ("vanilla") gradient descent with a fixed rate. {@code Optimizers.gradientDescent(0.001)} */
    public static Optimizer2D gradientDescent(double rate) {
        return named("gradient descent (rate " + rate + ")",
                (p, g, t) -> new double[] {p[0] - rate * g[0], p[1] - rate * g[1]});
    }

    /** Adagrad: each coordinate's rate divided by the root of its summed squared gradients. {@code Optimizers.adagrad(1)} */
    public static Optimizer2D adagrad(double rate) {
        double[] sumOfSquares = new double[2];
        return named("Adagrad (rate " + rate + ")", (p, g, t) -> {
            double[] next = new double[2];
            for (int i = 0; i < 2; i++) {
                sumOfSquares[i] += g[i] * g[i];
                next[i] = p[i] - rate * g[i] / Math.sqrt(sumOfSquares[i] + EPSILON);
            }
            return next;
        });
    }

    /** RMSProp with the lecture's α = 0.9. {@code Optimizers.rmsProp(0.01)} */
    public static Optimizer2D rmsProp(double rate) {
        return rmsProp(rate, 0.9);
    }

    /** RMSProp: a moving average of squared gradients, weight {@code alpha} on the past. {@code Optimizers.rmsProp(0.01, 0.9)} */
    public static Optimizer2D rmsProp(double rate, double alpha) {
        double[] meanSquare = new double[2];
        return named("RMSProp (rate " + rate + ", α " + alpha + ")", (p, g, t) -> {
            double[] next = new double[2];
            for (int i = 0; i < 2; i++) {
                meanSquare[i] = t == 1 ? g[i] * g[i] : alpha * meanSquare[i] + (1 - alpha) * g[i] * g[i];
                next[i] = p[i] - rate * g[i] / Math.sqrt(meanSquare[i] + EPSILON);
            }
            return next;
        });
    }

    /** Momentum in the lecture's form: a moving average of gradients, weight {@code beta} on the past. {@code Optimizers.momentum(0.01, 0.9)} */
    public static Optimizer2D momentum(double rate, double beta) {
        double[] momentum = new double[2];
        return named("Momentum (rate " + rate + ", β " + beta + ")", (p, g, t) -> {
            double[] next = new double[2];
            for (int i = 0; i < 2; i++) {
                momentum[i] = t == 1 ? g[i] : beta * momentum[i] + (1 - beta) * g[i];
                next[i] = p[i] - rate * momentum[i];
            }
            return next;
        });
    }

    /** Adam with the lecture's β = α = 0.9. {@code Optimizers.adam(0.1)} */
    public static Optimizer2D adam(double rate) {
        return adam(rate, 0.9, 0.9);
    }

    /** Adam = Momentum (weight {@code beta}) + RMSProp (weight {@code alpha}). {@code Optimizers.adam(0.1, 0.9, 0.999)} */
    public static Optimizer2D adam(double rate, double beta, double alpha) {
        double[] momentum = new double[2];
        double[] meanSquare = new double[2];
        return named("Adam (rate " + rate + ", β " + beta + ", α " + alpha + ")", (p, g, t) -> {
            double[] next = new double[2];
            for (int i = 0; i < 2; i++) {
                momentum[i] = t == 1 ? g[i] : beta * momentum[i] + (1 - beta) * g[i];
                meanSquare[i] = t == 1 ? g[i] * g[i] : alpha * meanSquare[i] + (1 - alpha) * g[i] * g[i];
                next[i] = p[i] - rate * momentum[i] / Math.sqrt(meanSquare[i] + EPSILON);
            }
            return next;
        });
    }

    /** Gives any optimizer a name for legends. {@code Optimizers.named("mine", new MyAdagrad())} */
    public static Optimizer2D named(String name, Optimizer2D rule) {
        return new Optimizer2D() {
            @Override
            public double[] step(double[] position, double[] gradient, int t) {
                return rule.step(position, gradient, t);
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
