package org.dltips.train;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Locale;

/**
 * Stops when a monitored metric has not improved for {@code patience} epochs, and puts back the weights of the
 * best epoch (unless told not to).
 *
 * <p>{@code net.fit(train, validation, Fit.epochs(100).callbacks(EarlyStopping.patience(3)));}
 *
 * <p>Introduced in the notebook on early stopping. Monitor a VALIDATION metric: the test set must not choose
 * when to stop.
 */
public final class EarlyStopping implements Callback {

    private final int patience;
    private final Metric metric;
    private final boolean restoreBest;
    private double best;
    private int bestEpoch;
    private INDArray bestWeights;

    private EarlyStopping(int patience, Metric metric, boolean restoreBest) {
        if (patience < 0) {
            throw new IllegalArgumentException("patience got " + patience + "; expected 0 or more epochs, e.g. EarlyStopping.patience(3)");
        }
        this.patience = patience;
        this.metric = metric;
        this.restoreBest = restoreBest;
    }

    /** Stops after {@code epochs} epochs without a lower validation loss. */
    public static EarlyStopping patience(int epochs) {
        return new EarlyStopping(epochs, Metric.VALIDATION_LOSS, true);
    }

    /** Watches {@code metric} instead of the validation loss. */
    public EarlyStopping monitor(Metric metric) {
        return new EarlyStopping(patience, metric, restoreBest);
    }

    /** Whether to put back the best epoch's weights at the end (default true). */
    public EarlyStopping restoreBestWeights(boolean restore) {
        return new EarlyStopping(patience, metric, restore);
    }

    /** The best epoch of the last fit, 0 if none. */
    public int bestEpoch() {
        return bestEpoch;
    }

    @Override
    public void onFitBegin(Training training) {
        best = Double.NaN;
        bestEpoch = 0;
        bestWeights = null;
    }

    @Override
    public void onEpochEnd(Training training, EpochStats stats) {
        double value = metric.of(stats);
        if (Double.isNaN(value)) {
            throw new IllegalStateException("early stopping watches the " + metric.label() + ", which was not measured"
                    + "; pass a validation set to fit, or monitor(Metric.TRAIN_LOSS)");
        }
        if (metric.improves(value, best)) {
            best = value;
            bestEpoch = stats.epoch();
            if (restoreBest) {
                bestWeights = training.network().model().params().dup();
            }
        } else if (stats.epoch() - bestEpoch >= patience) {
            training.stop(String.format(Locale.ROOT, "early stopping at epoch %d: %s has not improved for %d epochs"
                    + " (best %.4f at epoch %d)", stats.epoch(), metric.label(), patience, best, bestEpoch));
        }
    }

    @Override
    public void onFitEnd(Training training) {
        boolean interrupted = training.stopRequested() && training.stopReason().startsWith("Training interrupted");
        if (restoreBest && bestWeights != null && !interrupted && training.history().size() > 0
                && training.history().last().epoch() != bestEpoch) {
            training.network().model().setParams(bestWeights);
        }
    }
}
