package org.dltips.train;

import java.util.Locale;

/**
 * Stops training cleanly once a wall-clock budget is used up, between two batches, and says where it stopped:
 * "stopped after 30 s budget at epoch 3, batch 41/100".
 *
 * <p>{@code net.fit(train, test, Fit.epochs(20).batchSize(1).timeBudget(30));}
 *
 * <p>Introduced in the notebook of the live demo (batch size 1 is far too slow to finish).
 */
public final class TimeBudget implements Callback {

    private final double seconds;

    /** A budget of {@code seconds} seconds from the start of fit. */
    public TimeBudget(double seconds) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("time budget got " + seconds
                    + " seconds; expected a positive number of seconds, e.g. timeBudget(30)");
        }
        this.seconds = seconds;
    }

    @Override
    public void onBatchEnd(Training training, double batchLoss) {
        if (training.elapsedSeconds() >= seconds) {
            training.stop(String.format(Locale.ROOT, "stopped after %s s budget at epoch %d, batch %d/%d",
                    seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds),
                    training.epoch(), training.batch(), training.batches()));
        }
    }
}
