package org.dltips.model;

import org.dltips.model.internal.Momentum;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * How the weights move after each batch: plain gradient descent, momentum, or an adaptive rate.
 * Immutable: every method returns a new optimizer.
 *
 * <p>{@code Optimizer.sgd(0.1).momentum(0.9).nesterov()}
 *
 * <p>Introduced in the notebook of the live demo (SGD 0.1, then Adam) and in the notebook on optimizers
 * (Adagrad, RMSProp, momentum, Adam, AdamW).
 */
public final class Optimizer {

    private enum Kind { SGD, ADAGRAD, RMSPROP, ADAM }

    private final Kind kind;
    private final double learningRate;
    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;
    private final Schedule schedule;

    private Optimizer(Kind kind, double learningRate, double momentum, boolean nesterov, double weightDecay,
                      Schedule schedule) {
        this.kind = kind;
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
        this.schedule = schedule;
    }

    /** Plain stochastic gradient descent: {@code w -= learningRate * g}. {@code Optimizer.sgd(0.1)} */
    public static Optimizer sgd(double learningRate) {
        return new Optimizer(Kind.SGD, checkRate("sgd", learningRate), 0, false, 0, null);
    }

    /** Adagrad: the rate of each weight shrinks with its sum of squared gradients. {@code Optimizer.adagrad(0.1)} */
    public static Optimizer adagrad(double learningRate) {
        return new Optimizer(Kind.ADAGRAD, checkRate("adagrad", learningRate), 0, false, 0, null);
    }

    /** RMSProp: the rate follows a moving average of squared gradients (decay 0.95). {@code Optimizer.rmsprop(0.001)} */
    public static Optimizer rmsprop(double learningRate) {
        return new Optimizer(Kind.RMSPROP, checkRate("rmsprop", learningRate), 0, false, 0, null);
    }

    /** Adam: momentum plus RMSProp, betas 0.9 and 0.999. {@code Optimizer.adam(0.001)} */
    public static Optimizer adam(double learningRate) {
        return new Optimizer(Kind.ADAM, checkRate("adam", learningRate), 0, false, 0, null);
    }

    /** Adam with Keras's default rate 0.001. {@code Optimizer.adam()} */
    public static Optimizer adam() {
        return adam(0.001);
    }

    /**
     * AdamW: Adam with decoupled weight decay, {@code w -= learningRate * decay * w} after each Adam step
     * (biases are not decayed). {@code Optimizer.adamW(0.001, 0.01)}
     */
    public static Optimizer adamW(double learningRate, double decay) {
        if (!(decay >= 0) || Double.isInfinite(decay)) {
            throw new IllegalArgumentException("Optimizer.adamW got decay " + decay
                    + "; expected 0 or a small positive number such as 0.01");
        }
        return new Optimizer(Kind.ADAM, checkRate("adamW", learningRate), 0, false, decay, null);
    }

    /** Adds classical momentum to SGD: {@code v = momentum * v + learningRate * g; w -= v}. */
    public Optimizer momentum(double momentum) {
        if (kind != Kind.SGD) {
            throw new IllegalStateException("momentum(" + momentum + ") applies to SGD, but this optimizer is " + this
                    + "; write Optimizer.sgd(0.1).momentum(0.9), or use Adam, which has momentum built in");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum got " + momentum + "; expected a value in [0, 1) such as 0.9");
        }
        return new Optimizer(kind, learningRate, momentum, nesterov, weightDecay, schedule);
    }

    /** Uses Nesterov's look-ahead momentum; SGD without momentum gets momentum 0.9. */
    public Optimizer nesterov() {
        Optimizer base = momentum > 0 ? this : momentum(0.9);
        return new Optimizer(kind, learningRate, base.momentum, true, weightDecay, schedule);
    }

    /** Changes the learning rate over training. {@code Optimizer.adam(0.001).schedule(Schedule.exponential(0.9))} */
    public Optimizer schedule(Schedule schedule) {
        return new Optimizer(kind, learningRate, momentum, nesterov, weightDecay, schedule);
    }

    /** The base learning rate. */
    public double learningRate() {
        return learningRate;
    }

    /**
     * The learning rate of update {@code update} (counted from 0 over the whole fit) in epoch {@code epoch}
     * (counted from 0): the base rate, or what the schedule makes of it.
     *
     * <p>{@code Optimizer.adam(0.01).schedule(Schedule.warmupThenDecay(100, 0.7)).learningRateAt(49, 0) == 0.005}
     */
    public double learningRateAt(int update, int epoch) {
        if (update < 0 || epoch < 0) {
            throw new IllegalArgumentException("learningRateAt got update " + update + " and epoch " + epoch
                    + "; expected both counted from 0, e.g. learningRateAt(0, 0) for the first update");
        }
        return schedule == null ? learningRate : schedule.toDl4j(learningRate).valueAt(update, epoch);
    }

    /** The decoupled weight decay of AdamW, 0 otherwise. */
    public double weightDecay() {
        return weightDecay;
    }

    /** The DL4J updater configuration. */
    public IUpdater toDl4j() {
        ISchedule rate = schedule == null ? null : schedule.toDl4j(learningRate);
        return switch (kind) {
            case SGD -> {
                if (nesterov) {
                    yield rate == null ? new Nesterovs(learningRate, momentum) : new Nesterovs(rate, momentum);
                }
                if (momentum > 0) {
                    yield new Momentum(learningRate, momentum, rate);
                }
                yield rate == null ? new Sgd(learningRate) : new Sgd(rate);
            }
            case ADAGRAD -> rate == null ? new AdaGrad(learningRate) : new AdaGrad(rate);
            case RMSPROP -> rate == null ? new RmsProp(learningRate) : new RmsProp(rate);
            case ADAM -> rate == null ? new Adam(learningRate) : new Adam(rate);
        };
    }

    @Override
    public String toString() {
        String name = switch (kind) {
            case SGD -> nesterov ? "SGD+Nesterov" : momentum > 0 ? "SGD+momentum" : "SGD";
            case ADAGRAD -> "Adagrad";
            case RMSPROP -> "RMSProp";
            case ADAM -> weightDecay > 0 ? "AdamW" : "Adam";
        };
        StringBuilder text = new StringBuilder(name).append('(').append(learningRate);
        if (momentum > 0) {
            text.append(", momentum ").append(momentum);
        }
        if (weightDecay > 0) {
            text.append(", decay ").append(weightDecay);
        }
        if (schedule != null) {
            text.append(", ").append(schedule);
        }
        return text.append(')').toString();
    }

    private static double checkRate(String method, double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("Optimizer." + method + " got learning rate " + learningRate
                    + "; expected a positive number such as 0.1 for SGD or 0.001 for Adam");
        }
        return learningRate;
    }
}
