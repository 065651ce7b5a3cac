package org.dltips.train;

import org.dltips.model.Network;

/**
 * The state of a running {@code fit}, as callbacks see it: where training is and what it measured so far.
 *
 * <p>{@code public void onBatchEnd(Training t, double loss) { if (loss > 100) t.stop("loss exploded: " + loss); }}
 */
public final class Training {

    private final Network network;
    private final History history;
    private final int epochs;
    private final int batches;
    private final long startNanos = System.nanoTime();
    private int epoch;
    private int batch;
    private String stopReason;

    Training(Network network, History history, int epochs, int batches) {
        this.network = network;
        this.history = history;
        this.epochs = epochs;
        this.batches = batches;
    }

    /** The network being trained. */
    public Network network() {
        return network;
    }

    /** The epochs completed so far. */
    public History history() {
        return history;
    }

    /** The current epoch, 1-based. */
    public int epoch() {
        return epoch;
    }

    /** Epochs this fit was asked for. */
    public int epochs() {
        return epochs;
    }

    /** Batches finished in the current epoch. */
    public int batch() {
        return batch;
    }

    /** Batches per epoch. */
    public int batches() {
        return batches;
    }

    /** Wall-clock seconds since fit began, evaluation included. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Asks fit to stop after the current batch; the reason ends up in {@link History#stopReason()}. */
    public void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    /** True once a callback asked to stop. */
    public boolean stopRequested() {
        return stopReason != null;
    }

    /** Why training stops, or null. */
    public String stopReason() {
        return stopReason;
    }

    void position(int epoch, int batch) {
        this.epoch = epoch;
        this.batch = batch;
    }
}
