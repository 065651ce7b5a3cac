package org.dltips.train;

/**
 * The measured part of an epoch that was cut short by a time budget, a stop request or an interruption.
 * Its speed lets a notebook extrapolate: {@code batches / batchesDone * seconds} is the time a full epoch
 * would have taken.
 *
 * <p>{@code history.partialEpoch().ifPresent(p -> System.out.println(p.estimatedEpochSeconds()));}
 *
 * @param epoch 1-based number of the unfinished epoch
 * @param batchesDone batches trained in it
 * @param batches batches a full epoch has
 * @param seconds wall-clock seconds spent training those batches
 * @param samplesPerSecond training samples per second over those batches
 * @param runningTrainLoss mean batch loss so far (dropout on)
 * @param runningTrainAccuracy accuracy over the batches so far (dropout on)
 */
public record PartialEpoch(int epoch, int batchesDone, int batches, double seconds, double samplesPerSecond,
                           double runningTrainLoss, double runningTrainAccuracy) {

    /** Seconds a full epoch would take at the measured speed; NaN when no batch finished. */
    public double estimatedEpochSeconds() {
        return batchesDone == 0 ? Double.NaN : seconds * batches / batchesDone;
    }
}
