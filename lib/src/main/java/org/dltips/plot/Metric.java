package org.dltips.plot;

import java.util.function.ToDoubleFunction;
import org.dltips.train.EpochStats;

/**
 * A per-epoch number to draw or tabulate. Introduced in the first notebook with the learning curves.
 *
 * <p>{@code Plots.compare(runs, Metric.TRAIN_ACCURACY)}
 */
public enum Metric {
    TRAIN_LOSS("training loss", "loss", EpochStats::trainLoss),
    VALIDATION_LOSS("validation loss", "loss", EpochStats::validationLoss),
    TRAIN_ACCURACY("training accuracy", "accuracy", EpochStats::trainAccuracy),
    VALIDATION_ACCURACY("validation accuracy", "accuracy", EpochStats::validationAccuracy),
    SECONDS("seconds per epoch", "seconds", EpochStats::seconds),
    SAMPLES_PER_SECOND("samples per second", "samples / s", EpochStats::samplesPerSecond);

    private final String label;
    private final String unit;
    private final ToDoubleFunction<EpochStats> reader;

    Metric(String label, String unit, ToDoubleFunction<EpochStats> reader) {
        this.label = label;
        this.unit = unit;
        this.reader = reader;
    }

    /** Words for titles and legends, e.g. "training accuracy". */
    public String label() {
        return label;
    }

    /** Words for an axis, e.g. "accuracy". */
    public String unit() {
        return unit;
    }

    /** The metric's value in one epoch (NaN when not measured). */
    public double of(EpochStats epoch) {
        return reader.applyAsDouble(epoch);
    }

    /** True for the metrics measured on the held-out (validation or test) set. */
    public boolean heldOut() {
        return this == VALIDATION_LOSS || this == VALIDATION_ACCURACY;
    }
}
