package org.dltips.train;

/**
 * Thrown by {@code fit} when the training thread is interrupted (the notebook's stop button). The network keeps
 * the weights it had after the last finished batch, and {@code net.history()} holds the completed epochs.
 *
 * <p>{@code try { net.fit(train, test, 20, 1); } catch (TrainingInterruptedException e) { net.history(); }}
 */
public final class TrainingInterruptedException extends RuntimeException {

    private final transient History history;

    /** An interruption after {@code batchesDone} of {@code batches} batches of epoch {@code epoch}. */
    public TrainingInterruptedException(int epoch, int epochs, int batchesDone, int batches, History history) {
        super("Training interrupted at epoch " + epoch + "/" + epochs + ", batch " + batchesDone + "/" + batches
                + "; the network keeps what it learned, net.history() has the completed epochs");
        this.history = history;
    }

    /** The history up to the interruption, including the partial epoch. */
    public History history() {
        return history;
    }
}
