package org.dltips.train;

/**
 * Hooks that {@code fit} calls around the whole run, each epoch and each batch, in begin/end pairs.
 * Every hook does nothing by default; override the ones you need.
 *
 * <p>{@code Callback log = new Callback() { public void onEpochEnd(Training t, EpochStats s) { System.out.println(s); } };}
 *
 * <p>Built in: {@link Progress}, {@link EarlyStopping}, {@link Checkpoint}, {@link TimeBudget}. A callback may
 * end training early with {@link Training#stop(String)}. Introduced in the notebook on callbacks.
 */
public interface Callback {

    /** Before the first epoch. */
    default void onFitBegin(Training training) {
    }

    /** After the last epoch, also when training stopped early or was interrupted. */
    default void onFitEnd(Training training) {
    }

    /** Before each epoch's shuffle. */
    default void onEpochBegin(Training training) {
    }

    /** After each completed epoch, once its evaluation is in {@code stats} and in the history. */
    default void onEpochEnd(Training training, EpochStats stats) {
    }

    /** Before each batch; {@code training.batch()} batches of this epoch are done. */
    default void onBatchBegin(Training training) {
    }

    /** After each batch's update; {@code batchLoss} is that batch's loss (dropout on). */
    default void onBatchEnd(Training training, double batchLoss) {
    }
}
