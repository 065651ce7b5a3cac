package org.dltips.model;

import org.dltips.model.internal.WarmupThenDecay;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

import java.util.function.DoubleFunction;

/**
 * How the learning rate changes during training, relative to the optimizer's base rate.
 *
 * <p>{@code Optimizer.sgd(0.1).schedule(Schedule.step(0.5, 5))}
 *
 * <p>Introduced in the notebook on learning-rate schedules (warm-up, then decay). Epochs count from 0:
 * the first epoch always runs at the base rate unless a warm-up is given.
 */
public final class Schedule {

    private final String description;
    private final DoubleFunction<ISchedule> factory;

    private Schedule(String description, DoubleFunction<ISchedule> factory) {
        this.description = description;
        this.factory = factory;
    }

    /**
     * Multiplies the rate by {@code factor} every {@code everyEpochs} epochs.
     *
     * <p>{@code Schedule.step(0.5, 5)} halves the rate after epochs 5, 10, 15…
     */
    public static Schedule step(double factor, int everyEpochs) {
        checkFactor("step", factor);
        if (everyEpochs < 1) {
            throw new IllegalArgumentException("Schedule.step got everyEpochs = " + everyEpochs
                    + "; expected 1 or more epochs between steps, e.g. Schedule.step(0.5, 5)");
        }
        return new Schedule("step x" + factor + " every " + everyEpochs + " epochs",
                base -> new StepSchedule(ScheduleType.EPOCH, base, factor, everyEpochs));
    }

    /**
     * Multiplies the rate by {@code factorPerEpoch} after every epoch: {@code base * factorPerEpoch^epoch}.
     *
     * <p>{@code Schedule.exponential(0.9)}
     */
    public static Schedule exponential(double factorPerEpoch) {
        checkFactor("exponential", factorPerEpoch);
        return new Schedule("exponential x" + factorPerEpoch + " per epoch",
                base -> new ExponentialSchedule(ScheduleType.EPOCH, base, factorPerEpoch));
    }

    /**
     * Warm-up, then decay: the rate rises linearly from near 0 to the base rate over the first
     * {@code warmupUpdates} updates (batches), then follows {@code base * factorPerEpoch^epoch}.
     *
     * <p>{@code Schedule.warmupThenDecay(100, 0.9)}
     */
    public static Schedule warmupThenDecay(int warmupUpdates, double factorPerEpoch) {
        checkFactor("warmupThenDecay", factorPerEpoch);
        if (warmupUpdates < 1) {
            throw new IllegalArgumentException("Schedule.warmupThenDecay got warmupUpdates = " + warmupUpdates
                    + "; expected 1 or more updates (batches) of warm-up, e.g. Schedule.warmupThenDecay(100, 0.9)");
        }
        return new Schedule("warm-up " + warmupUpdates + " updates, then x" + factorPerEpoch + " per epoch",
                base -> new WarmupThenDecay(base, warmupUpdates, factorPerEpoch));
    }

    /** The DL4J schedule for the base learning rate {@code base}. */
    public ISchedule toDl4j(double base) {
        return factory.apply(base);
    }

    @Override
    public String toString() {
        return description;
    }

    private static void checkFactor(String method, double factor) {
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("Schedule." + method + " got factor " + factor
                    + "; expected a factor in (0, 1] that shrinks the rate, such as 0.5");
        }
    }
}
