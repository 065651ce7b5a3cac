package org.dltips.train;

import org.dltips.data.Dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures one more data set after every epoch, so a run can be watched on the test set while a separate
 * validation set decides when to stop.
 *
 * <p>{@code Tracker onTest = Tracker.on(test);
 * net.fit(split.train(), split.validation(), Fit.epochs(30).callbacks(onTest)); onTest.accuracy();}
 *
 * <p>Introduced in the notebook on overfitting and its cures: early stopping watches the validation set, and
 * the tracker shows what the test set, which must not choose anything, would have said.
 */
public final class Tracker implements Callback {

    private final Dataset data;
    private final List<EpochStats> epochs = new ArrayList<>();

    private Tracker(Dataset data) {
        this.data = data;
    }

    /** A tracker that evaluates {@code data} (dropout off) after each completed epoch. {@code Tracker.on(test)} */
    public static Tracker on(Dataset data) {
        if (data == null) {
            throw new IllegalArgumentException("Tracker.on got no data set; pass the set to measure after every "
                    + "epoch, e.g. Tracker.on(test)");
        }
        return new Tracker(data);
    }

    @Override
    public void onFitBegin(Training training) {
        Inputs.check(training.network(), data, "tracked");
        epochs.clear();
    }

    @Override
    public void onEpochEnd(Training training, EpochStats stats) {
        Evaluation measured = Evaluation.of(training.network(), data);
        epochs.add(new EpochStats(stats.epoch(), stats.trainLoss(), stats.trainAccuracy(), measured.loss(),
                measured.accuracy(), stats.seconds(), stats.samplesPerSecond(), stats.runningTrainLoss(),
                stats.runningTrainAccuracy()));
    }

    /**
     * The epochs of the latest fit with the tracked set's loss and accuracy in place of the validation numbers,
     * so charts, tables and results read them as the held-out set. {@code Plots.learningCurves("test", onTest.epochs())}
     */
    public List<EpochStats> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** Accuracy on the tracked set after each epoch of the latest fit. */
    public double[] accuracy() {
        return epochs.stream().mapToDouble(EpochStats::validationAccuracy).toArray();
    }

    /** Mean loss on the tracked set after each epoch of the latest fit. */
    public double[] loss() {
        return epochs.stream().mapToDouble(EpochStats::validationLoss).toArray();
    }

    /**
     * Accuracy on the tracked set after epoch {@code epoch} (1-based). {@code onTest.accuracyAt(stopping.bestEpoch())}
     *
     * @throws IllegalArgumentException when that epoch was not trained in the latest fit
     */
    public double accuracyAt(int epoch) {
        if (epoch < 1 || epoch > epochs.size()) {
            throw new IllegalArgumentException("accuracyAt got epoch " + epoch + "; the tracker measured epochs 1 to "
                    + epochs.size() + (epochs.isEmpty() ? " (none: pass it to fit with Fit.callbacks(tracker))" : ""));
        }
        return epochs.get(epoch - 1).validationAccuracy();
    }
}
