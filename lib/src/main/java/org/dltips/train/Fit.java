package org.dltips.train;

import org.dltips.data.Dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * How to train: epochs, batch size, shuffling, callbacks. Immutable: every method returns new settings.
 *
 * <p>{@code net.fit(train, test, Fit.epochs(20).batchSize(100).callbacks(EarlyStopping.patience(3)));}
 *
 * <p>Defaults: batch size 100, shuffled every epoch (as Keras does), a progress display, the training set
 * evaluated after every epoch.
 */
public final class Fit {

    private final int epochs;
    private int batchSize = 100;
    private boolean shuffle = true;
    private boolean progress = true;
    private boolean evaluateTraining = true;
    private double timeBudgetSeconds;
    private Dataset trainingEvaluationSet;
    private List<Callback> callbacks = List.of();

    private Fit(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("Fit.epochs got " + epochs + "; expected 1 or more epochs, e.g. Fit.epochs(20)");
        }
        this.epochs = epochs;
    }

    /** Train for {@code epochs} passes over the training set. */
    public static Fit epochs(int epochs) {
        return new Fit(epochs);
    }

    /** The same settings with another number of epochs. {@code Fit.epochs(20).batchSize(10).withEpochs(5)} */
    public Fit withEpochs(int epochs) {
        Fit next = new Fit(epochs);
        next.batchSize = batchSize;
        next.shuffle = shuffle;
        next.progress = progress;
        next.evaluateTraining = evaluateTraining;
        next.timeBudgetSeconds = timeBudgetSeconds;
        next.trainingEvaluationSet = trainingEvaluationSet;
        next.callbacks = callbacks;
        return next;
    }

    /** Examples per update; the last batch of an epoch may be smaller. A size above the set size means one batch. */
    public Fit batchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize got " + batchSize + "; expected 1 or more examples per batch, e.g. batchSize(100)");
        }
        Fit next = copy();
        next.batchSize = batchSize;
        return next;
    }

    /** Whether to shuffle the training set before every epoch (default true, seeded by the network's seed). */
    public Fit shuffle(boolean shuffle) {
        Fit next = copy();
        next.shuffle = shuffle;
        return next;
    }

    /** No progress display. */
    public Fit quiet() {
        Fit next = copy();
        next.progress = false;
        return next;
    }

    /** Whether to evaluate the whole training set after each epoch (default true; false leaves trainLoss NaN). */
    public Fit evaluateTraining(boolean evaluate) {
        Fit next = copy();
        next.evaluateTraining = evaluate;
        return next;
    }

    /**
     * Measures training loss and accuracy after each epoch on {@code original} instead of on the set being
     * trained on: the original images when training on an augmented or mixed set (where accuracy on mixes of
     * two labels means little), so that runs compare on the same images. Introduced in notebook 12.
     *
     * <p>{@code net.fit(train.mixup(0.2, 4, 1), test, Fit.epochs(20).evaluateTrainingOn(train))}
     */
    public Fit evaluateTrainingOn(Dataset original) {
        if (original == null) {
            throw new IllegalArgumentException("evaluateTrainingOn(null): pass the original training set, such as "
                    + "the train in net.fit(train.mixup(0.2, 4, 1), test, Fit.epochs(20).evaluateTrainingOn(train))");
        }
        Fit next = copy();
        next.trainingEvaluationSet = original;
        return next;
    }

    /** Stops cleanly after {@code seconds} of wall-clock time, between two batches. */
    public Fit timeBudget(double seconds) {
        Fit next = copy();
        next.timeBudgetSeconds = seconds;
        new TimeBudget(seconds); // validates
        return next;
    }

    /** Adds callbacks, called in the order given, after the progress display. */
    public Fit callbacks(Callback... added) {
        Fit next = copy();
        List<Callback> all = new ArrayList<>(callbacks);
        all.addAll(List.of(added));
        next.callbacks = List.copyOf(all);
        return next;
    }

    /** Epochs to train. */
    public int epochs() {
        return epochs;
    }

    /** Examples per update. */
    public int batchSize() {
        return batchSize;
    }

    /** Whether each epoch is shuffled. */
    public boolean shuffle() {
        return shuffle;
    }

    /** Whether the training set is evaluated after each epoch. */
    public boolean evaluateTraining() {
        return evaluateTraining;
    }

    /** The set training accuracy is measured on: the one given to {@link #evaluateTrainingOn}, else {@code train}. */
    public Dataset trainingEvaluationSet(Dataset train) {
        return trainingEvaluationSet == null ? train : trainingEvaluationSet;
    }

    /** All callbacks fit will call: progress (unless quiet), the given ones, then the time budget if set. */
    public List<Callback> allCallbacks() {
        List<Callback> all = new ArrayList<>();
        if (progress) {
            all.add(Progress.auto());
        }
        all.addAll(callbacks);
        if (timeBudgetSeconds > 0) {
            all.add(new TimeBudget(timeBudgetSeconds));
        }
        return all;
    }

    @Override
    public String toString() {
        return "Fit.epochs(" + epochs + ").batchSize(" + batchSize + ")" + (shuffle ? "" : ".shuffle(false)");
    }

    private Fit copy() {
        return withEpochs(epochs);
    }
}
