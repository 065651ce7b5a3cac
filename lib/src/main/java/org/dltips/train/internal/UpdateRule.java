package org.dltips.train.internal;

import org.dltips.model.internal.Momentum;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * One DL4J updater's arithmetic on Java float arrays: turns a run of gradient values into the step that is
 * subtracted from the weights, and advances the updater's state (Adam's moments, a velocity, a running sum of
 * squares) with the formulas of ND4J's fused updater ops. On the lecture network's 1.5 million weights ND4J's Adam
 * op took 10 ms a step (on the one thread the kernel gives ND4J's loops). The whole update of {@link ParameterUpdate}
 * around these loops, on two threads, took 1.0-1.2 ms with the JVM's optimizing compiler C2 and 4.7 ms with C1
 * alone; while the loops read the state at an offset of their own, C2 did not vectorize them and took 2.1-3.0 ms.
 *
 * <p>{@code UpdateRule rule = UpdateRule.of(new Adam(1e-3)); rule.begin(iteration, epoch); rule.apply(g, n, state);}
 */
abstract class UpdateRule {

    /** The most state arrays any rule keeps (Adam's two moments). */
    static final int MOST_STATE_ARRAYS = 2;

    private final IUpdater config;
    private final int stateArrays;
    protected double rate;

    /** A rule for {@code config} keeping {@code stateArrays} arrays of state, each as long as the parameters. */
    UpdateRule(IUpdater config, int stateArrays) {
        this.config = config;
        this.stateArrays = stateArrays;
    }

    /** The rule for {@code config}, or null for an updater this class does not compute. */
    static UpdateRule of(IUpdater config) {
        if (config instanceof Sgd sgd) {
            return new Plain(sgd);
        }
        if (config instanceof NoOp noOp) {
            return new AsIs(noOp);
        }
        if (config instanceof Adam adam) {
            return new AdamRule(adam);
        }
        if (config instanceof Nesterovs nesterovs) {
            return new NesterovsRule(nesterovs);
        }
        if (config instanceof Momentum momentum) {
            return new HeavyBall(momentum);
        }
        if (config instanceof RmsProp rmsProp) {
            return new RmsPropRule(rmsProp);
        }
        if (config instanceof AdaGrad adaGrad) {
            return new AdaGradRule(adaGrad);
        }
        return null;
    }

    /** How many state arrays, each as long as the parameters, the updater keeps (DL4J stores them end to end). */
    final int stateArrays() {
        return stateArrays;
    }

    /** Reads the learning rate (and anything else that changes) for update {@code iteration} in {@code epoch}. */
    void begin(int iteration, int epoch) {
        rate = config.getLearningRate(iteration, epoch);
    }

    /**
     * Replaces {@code g[0..n)} by the step to subtract from the weights, advancing {@code state[k][i]}, the
     * updater's state for element {@code i} (copied in and out by the caller). Every array is read at the same
     * index, so the JVM's optimizing compiler turns these loops into vector instructions.
     */
    abstract void apply(float[] g, int n, float[][] state);

    /** The learning rate read by the last {@link #begin}, for regularizations that scale with it. */
    double rate() {
        return rate;
    }

    /** Plain SGD: the step is the rate times the gradient. */
    private static final class Plain extends UpdateRule {
        Plain(Sgd config) {
            super(config, 0);
        }

        @Override
        void apply(float[] g, int n, float[][] state) {
            float lr = (float) rate;
            for (int i = 0; i < n; i++) {
                g[i] *= lr;
            }
        }
    }

    /**
     * No updater: the gradient is the step itself. Batch normalization's running mean and spread use it, their
     * "gradient" being the change DL4J makes to them after a batch.
     */
    private static final class AsIs extends UpdateRule {
        AsIs(NoOp config) {
            super(config, 0);
        }

        @Override
        void apply(float[] g, int n, float[][] state) {
        }
    }

    /**
     * Adam: moving averages m and v of the gradient and its square, and the step {@code alpha * m / (sqrt(v) + eps)}
     * with the bias correction folded into {@code alpha = rate * sqrt(1 - beta2^t) / (1 - beta1^t)}.
     */
    private static final class AdamRule extends UpdateRule {
        private final Adam config;
        private double alpha;

        AdamRule(Adam config) {
            super(config, 2);
            this.config = config;
        }

        @Override
        void begin(int iteration, int epoch) {
            super.begin(iteration, epoch);
            double corrected = rate * Math.sqrt(1 - Math.pow(config.getBeta2(), iteration + 1))
                    / (1 - Math.pow(config.getBeta1(), iteration + 1));
            // ND4J falls back to epsilon when the correction is not a usable number
            alpha = Double.isFinite(corrected) && corrected != 0 ? corrected : config.getEpsilon();
        }

        @Override
        void apply(float[] g, int n, float[][] state) {
            float b1 = (float) config.getBeta1();
            float b2 = (float) config.getBeta2();
            float c1 = 1 - b1;
            float c2 = 1 - b2;
            float a = (float) alpha;
            float eps = (float) config.getEpsilon();
            float[] m = state[0];
            float[] v = state[1];
            for (int i = 0; i < n; i++) {
                float gi = g[i];
                float mi = b1 * m[i] + gi * c1;
                float vi = b2 * v[i] + gi * gi * c2;
                m[i] = mi;
                v[i] = vi;
                g[i] = mi * a / ((float) Math.sqrt(vi) + eps);
            }
        }
    }

    /**
     * DL4J's Nesterov momentum, in its sign convention: {@code v' = mu * v - rate * g}, step {@code mu * v -
     * (1 + mu) * v'}.
     */
    private static final class NesterovsRule extends UpdateRule {
        private final Nesterovs config;
        private double momentum;

        NesterovsRule(Nesterovs config) {
            super(config, 1);
            this.config = config;
        }

        @Override
        void begin(int iteration, int epoch) {
            super.begin(iteration, epoch);
            momentum = config.currentMomentum(iteration, epoch);
        }

        @Override
        void apply(float[] g, int n, float[][] state) {
            float mu = (float) momentum;
            float lr = (float) rate;
            float after = -mu - 1;
            float[] v = state[0];
            for (int i = 0; i < n; i++) {
                float previous = mu * v[i];
                float vi = previous - lr * g[i];
                v[i] = vi;
                g[i] = previous + after * vi;
            }
        }
    }

    /** The library's classical momentum: {@code v = mu * v + rate * g}, step v. */
    private static final class HeavyBall extends UpdateRule {
        private final Momentum config;

        HeavyBall(Momentum config) {
            super(config, 1);
            this.config = config;
        }

        @Override
        void apply(float[] g, int n, float[][] state) {
            float mu = (float) config.momentum();
            float lr = (float) rate;
            float[] v = state[0];
            for (int i = 0; i < n; i++) {
                float vi = mu * v[i] + g[i] * lr;
                v[i] = vi;
                g[i] = vi;
            }
        }
    }

    /** RMSProp: a decaying mean s of squared gradients, step {@code rate * g / (sqrt(s) + eps)}. */
    private static final class RmsPropRule extends UpdateRule {
        private final RmsProp config;

        RmsPropRule(RmsProp config) {
            super(config, 1);
            this.config = config;
        }

        @Override
        void apply(float[] g, int n, float[][] state) {
            float decay = (float) config.getRmsDecay();
            float keep = 1 - decay;
            float lr = (float) rate;
            float eps = (float) config.getEpsilon();
            float[] s = state[0];
            for (int i = 0; i < n; i++) {
                float gi = g[i];
                float si = s[i] * decay + gi * gi * keep;
                s[i] = si;
                g[i] = gi * lr / ((float) Math.sqrt(si) + eps);
            }
        }
    }

    /** Adagrad: a running sum s of squared gradients, step {@code rate * g / (sqrt(s) + eps)}. */
    private static final class AdaGradRule extends UpdateRule {
        private final AdaGrad config;

        AdaGradRule(AdaGrad config) {
            super(config, 1);
            this.config = config;
        }

        @Override
        void apply(float[] g, int n, float[][] state) {
            float lr = (float) rate;
            float eps = (float) config.getEpsilon();
            float[] s = state[0];
            for (int i = 0; i < n; i++) {
                float gi = g[i];
                float si = s[i] + gi * gi;
                s[i] = si;
                g[i] = lr * gi / ((float) Math.sqrt(si) + eps);
            }
        }
    }
}
