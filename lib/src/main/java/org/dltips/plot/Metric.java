package org.dltips.plot;

import org.dltips.train.EpochStats;

/**
 * A per-epoch number to draw or tabulate. Introduced in the first notebook with the learning curves.
 *
 * <p>{@code Plots.compare(runs, Metric.TRAIN_ACCURACY)}
 *
 * <p>Same constants, {@code of} and {@code label} as the training package's metric, so that the two can become
 * one when the packages meet.
 */
public enum Metric {
    /** Loss on the training set. */
    TRAIN_LOSS,
    /** Accuracy on the training set. */
    TRAIN_ACCURACY,
    /** Loss on the validation or test set. */
    VALIDATION_LOSS,
    /** Accuracy on the validation or test set. */
    VALIDATION_ACCURACY;

    /** This metric's value in {@code stats} (NaN when not measured). */
    public double of(EpochStats stats) {
        return switch (this) {
            case TRAIN_LOSS -> stats.trainLoss();
            case TRAIN_ACCURACY -> stats.trainAccuracy();
            case VALIDATION_LOSS -> stats.validationLoss();
            case VALIDATION_ACCURACY -> stats.validationAccuracy();
        };
    }

    /** Lower-case words for legends, e.g. "validation loss". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
