package org.dltips.train;

import java.nio.file.Path;

/**
 * Saves the network to a file each time a monitored metric reaches a new best, so the best model survives
 * overfitting later in training.
 *
 * <p>{@code Fit.epochs(50).callbacks(Checkpoint.best(Path.of("best.zip")))}; later {@code Network.load(Path.of("best.zip"))}.
 *
 * <p>Introduced in the notebook on callbacks.
 */
public final class Checkpoint implements Callback {

    private final Path file;
    private final Metric metric;
    private double best;
    private int savedEpoch;

    private Checkpoint(Path file, Metric metric) {
        this.file = file;
        this.metric = metric;
    }

    /** Saves to {@code file} whenever the validation loss is the lowest so far. */
    public static Checkpoint best(Path file) {
        return new Checkpoint(file, Metric.VALIDATION_LOSS);
    }

    /** Watches {@code metric} instead of the validation loss. */
    public Checkpoint monitor(Metric metric) {
        return new Checkpoint(file, metric);
    }

    /** Epoch of the last save in the latest fit, 0 if none. */
    public int savedEpoch() {
        return savedEpoch;
    }

    @Override
    public void onFitBegin(Training training) {
        best = Double.NaN;
        savedEpoch = 0;
    }

    @Override
    public void onEpochEnd(Training training, EpochStats stats) {
        double value = metric.of(stats);
        if (metric.improves(value, best)) {
            best = value;
            savedEpoch = stats.epoch();
            training.network().save(file);
        }
    }
}
