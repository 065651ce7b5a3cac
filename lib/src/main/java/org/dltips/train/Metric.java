package org.dltips.train;

/**
 * A number per epoch that a callback can watch, such as early stopping on the validation loss.
 *
 * <p>{@code EarlyStopping.patience(3).monitor(Metric.VALIDATION_ACCURACY)}
 */
public enum Metric {
    /** Loss on the training set after the epoch; lower is better. */
    TRAIN_LOSS(false),
    /** Accuracy on the training set after the epoch; higher is better. */
    TRAIN_ACCURACY(true),
    /** Loss on the validation or test set; lower is better. */
    VALIDATION_LOSS(false),
    /** Accuracy on the validation or test set; higher is better. */
    VALIDATION_ACCURACY(true);

    private final boolean higherIsBetter;

    Metric(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    /** True for accuracies, false for losses. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** This metric's value in {@code stats}. */
    public double of(EpochStats stats) {
        return switch (this) {
            case TRAIN_LOSS -> stats.trainLoss();
            case TRAIN_ACCURACY -> stats.trainAccuracy();
            case VALIDATION_LOSS -> stats.validationLoss();
            case VALIDATION_ACCURACY -> stats.validationAccuracy();
        };
    }

    /** True when {@code candidate} beats {@code best} (any number beats NaN). */
    public boolean improves(double candidate, double best) {
        if (Double.isNaN(best)) {
            return !Double.isNaN(candidate);
        }
        return higherIsBetter ? candidate > best : candidate < best;
    }

    /** Lower-case words, e.g. "validation loss". */
    public String label() {
        return name().toLowerCase().replace('_', ' ');
    }
}
