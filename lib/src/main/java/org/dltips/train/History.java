package org.dltips.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * What one call of {@code fit} measured, epoch by epoch: training and validation loss and accuracy, time and
 * speed. See {@link EpochStats} for when each number is measured.
 *
 * <p>{@code History h = net.fit(train, test, 20, 100); h.last().validationAccuracy();}
 *
 * <p>Introduced in the notebook of the live demo; {@code org.dltips.plot} draws it as learning curves.
 */
public final class History implements Iterable<EpochStats> {

    private final List<EpochStats> epochs = new ArrayList<>();
    private final int plannedEpochs;
    private PartialEpoch partialEpoch;
    private String stopReason = "";

    /** An empty history for a fit of {@code plannedEpochs} epochs. */
    public History(int plannedEpochs) {
        this.plannedEpochs = plannedEpochs;
    }

    /** A history holding {@code stats}, for tests and for charts of recorded numbers. */
    public static History of(List<EpochStats> stats) {
        History history = new History(stats.size());
        history.epochs.addAll(stats);
        return history;
    }

    /** The completed epochs, in order (read-only). */
    public List<EpochStats> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** Number of completed epochs. */
    public int size() {
        return epochs.size();
    }

    /** Epochs the fit was asked for. */
    public int plannedEpochs() {
        return plannedEpochs;
    }

    /** The last completed epoch. */
    public EpochStats last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("the history has no completed epoch yet"
                    + (partialEpoch == null ? "" : " (epoch " + partialEpoch.epoch() + " stopped after "
                    + partialEpoch.batchesDone() + "/" + partialEpoch.batches() + " batches)")
                    + "; train for at least one full epoch, or look at partialEpoch()");
        }
        return epochs.get(epochs.size() - 1);
    }

    /** The epoch where {@code metric} was best, if any epoch measured it. */
    public Optional<EpochStats> best(Metric metric) {
        EpochStats best = null;
        for (EpochStats stats : epochs) {
            if (best == null ? !Double.isNaN(metric.of(stats)) : metric.improves(metric.of(stats), metric.of(best))) {
                best = stats;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The epoch cut short by a stop or interruption, with its measured speed. */
    public Optional<PartialEpoch> partialEpoch() {
        return Optional.ofNullable(partialEpoch);
    }

    /** Why training stopped before the planned epochs, e.g. "stopped after 30 s budget at epoch 3, batch 41/100"; empty when it ran to the end. */
    public String stopReason() {
        return stopReason;
    }

    /** Training loss per epoch (after the epoch, dropout off). */
    public double[] trainLoss() {
        return column(EpochStats::trainLoss);
    }

    /** Training accuracy per epoch (after the epoch, dropout off). */
    public double[] trainAccuracy() {
        return column(EpochStats::trainAccuracy);
    }

    /** Validation or test loss per epoch. */
    public double[] validationLoss() {
        return column(EpochStats::validationLoss);
    }

    /** Validation or test accuracy per epoch. */
    public double[] validationAccuracy() {
        return column(EpochStats::validationAccuracy);
    }

    /** Running training accuracy per epoch (during the epoch, dropout on). */
    public double[] runningTrainAccuracy() {
        return column(EpochStats::runningTrainAccuracy);
    }

    /** Mean training seconds per epoch; from the partial epoch's speed when no epoch completed. */
    public double secondsPerEpoch() {
        if (epochs.isEmpty()) {
            return partialEpoch == null ? Double.NaN : partialEpoch.estimatedEpochSeconds();
        }
        return mean(column(EpochStats::seconds));
    }

    /** Mean training samples per second over the completed epochs (or the partial one if none). */
    public double samplesPerSecond() {
        if (epochs.isEmpty()) {
            return partialEpoch == null ? Double.NaN : partialEpoch.samplesPerSecond();
        }
        return mean(column(EpochStats::samplesPerSecond));
    }

    @Override
    public Iterator<EpochStats> iterator() {
        return epochs().iterator();
    }

    /** One line per epoch, then the stop reason if any. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("epoch  train loss  train acc  val loss  val acc  seconds\n");
        for (EpochStats s : epochs) {
            text.append(String.format(Locale.ROOT, "%5d  %10.4f  %9.4f  %8.4f  %7.4f  %7.2f%n", s.epoch(),
                    s.trainLoss(), s.trainAccuracy(), s.validationLoss(), s.validationAccuracy(), s.seconds()));
        }
        if (!stopReason.isEmpty()) {
            text.append(stopReason).append('\n');
        }
        return text.toString();
    }

    void add(EpochStats stats) {
        epochs.add(stats);
    }

    void partialEpoch(PartialEpoch partial) {
        this.partialEpoch = partial;
    }

    void stopReason(String reason) {
        this.stopReason = reason;
    }

    private double[] column(ToDoubleFunction<EpochStats> field) {
        return epochs.stream().mapToDouble(field).toArray();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
