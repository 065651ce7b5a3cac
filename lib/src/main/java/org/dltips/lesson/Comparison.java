package org.dltips.lesson;

import org.dltips.plot.Plots;
import org.dltips.train.EpochStats;
import org.dltips.train.History;
import org.dltips.train.Metric;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The histories of an {@link Experiment}, variant by variant, a table of their final numbers and their
 * learning curves overlaid.
 *
 * <p>{@code comparison.table()} shows one row per variant: final training and test accuracy, losses, speed;
 * {@code comparison.chart()} draws the curves.
 */
public final class Comparison {

    private final Map<String, List<History>> runs;
    private final Map<String, List<Long>> seeds;
    private final boolean hasTest;

    Comparison(Map<String, List<History>> runs, Map<String, List<Long>> seeds, boolean hasTest) {
        this.runs = runs;
        this.seeds = seeds;
        this.hasTest = hasTest;
    }

    /** The history of each variant's first run (its builder's own seed), in the order added. */
    public LinkedHashMap<String, History> histories() {
        LinkedHashMap<String, History> first = new LinkedHashMap<>();
        runs.forEach((name, list) -> first.put(name, list.get(0)));
        return first;
    }

    /** All runs of each variant, one history per seed. */
    public Map<String, List<History>> runs() {
        return runs;
    }

    /** The first-run history of {@code variant}. */
    public History history(String variant) {
        List<History> list = runs.get(variant);
        if (list == null) {
            throw new IllegalArgumentException("no variant \"" + variant + "\"; the variants are " + runs.keySet());
        }
        return list.get(0);
    }

    /**
     * The learning curves of every variant's first run overlaid in one chart; training accuracy and, when a
     * test set was given, test accuracy unless other metrics are named.
     * {@code comparison.chart(Metric.TRAIN_LOSS)}
     */
    public XYChart chart(Metric... metrics) {
        Metric[] shown = metrics.length > 0 ? metrics
                : hasTest ? new Metric[] {Metric.TRAIN_ACCURACY, Metric.VALIDATION_ACCURACY}
                : new Metric[] {Metric.TRAIN_ACCURACY};
        LinkedHashMap<String, List<EpochStats>> curves = new LinkedHashMap<>();
        histories().forEach((name, history) -> curves.put(name, history.epochs()));
        return Plots.compare(curves, shown);
    }

    /** The seed of each run of each variant, in the order of {@link #runs()}. */
    public Map<String, List<Long>> seeds() {
        return seeds;
    }

    /**
     * Every run of every variant drawn for one metric, one colour per variant, so the spread between seeds shows.
     * {@code comparison.chartAllRuns(Metric.TRAIN_LOSS)}
     */
    public XYChart chartAllRuns(Metric metric) {
        return Plots.allRuns(runs, metric);
    }

    /**
     * The final value of {@code metric} (as the last epoch measured it) of every run: one row per variant, one
     * column per run named by its seed ("seed 1", "seed 2", …; runs of different variants share a column when
     * they are the r-th run of their variant), then the lowest and highest value over the runs (NaN when a run did
     * not measure it).
     * {@code comparison.perRun(Metric.TRAIN_LOSS)}
     */
    public Table perRun(Metric metric) {
        int columns = runs.values().stream().mapToInt(List::size).max().orElse(0);
        Table table = Table.create(metric.label() + " per run", StringColumn.create("variant", runs.keySet()));
        double[][] values = new double[columns + 2][runs.size()];
        int row = 0;
        for (List<History> list : runs.values()) {
            double[] finals = finals(list, metric);
            for (int r = 0; r < columns; r++) {
                values[r][row] = r < finals.length ? finals[r] : Double.NaN;
            }
            double[] bounds = bounds(finals);
            values[columns][row] = bounds[0];
            values[columns + 1][row] = bounds[1];
            row++;
        }
        for (int r = 0; r < columns; r++) {
            table.addColumns(column(runLabel(r), values[r], 4));
        }
        table.addColumns(column("lowest", values[columns], 4), column("highest", values[columns + 1], 4));
        return table;
    }

    /**
     * The lowest and highest final value of {@code metric} over the runs of {@code variant}, as {@code {low, high}};
     * both NaN when a run did not measure it (so a check on them fails).
     * {@code comparison.range("Kaiming", Metric.TRAIN_LOSS)[1]} is the worst final training loss of any seed.
     */
    public double[] range(String variant, Metric metric) {
        List<History> list = runs.get(variant);
        if (list == null) {
            throw new IllegalArgumentException("no variant \"" + variant + "\"; the variants are " + runs.keySet());
        }
        return bounds(finals(list, metric));
    }

    private static double[] finals(List<History> list, Metric metric) {
        return list.stream().mapToDouble(h -> h.size() == 0 ? Double.NaN : metric.of(h.last())).toArray();
    }

    private static double[] bounds(double[] values) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isNaN(v)) {
                return new double[] {Double.NaN, Double.NaN};
            }
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        return values.length == 0 ? new double[] {Double.NaN, Double.NaN} : new double[] {low, high};
    }

    /**
     * One row per variant: final train accuracy, test accuracy, train loss, test loss (as the last epoch
     * measured them), seconds per epoch and samples per second. With repeats, the mean over runs plus a
     * "± …" column with the standard deviation for each accuracy and loss.
     */
    public Table table() {
        boolean spread = runs.values().stream().anyMatch(list -> list.size() > 1);
        Table table = Table.create("comparison", StringColumn.create("variant", runs.keySet()));
        add(table, "train accuracy", EpochStats::trainAccuracy, spread, 4);
        if (hasTest) {
            add(table, "test accuracy", EpochStats::validationAccuracy, spread, 4);
        }
        add(table, "train loss", EpochStats::trainLoss, spread, 4);
        if (hasTest) {
            add(table, "test loss", EpochStats::validationLoss, spread, 4);
        }
        table.addColumns(column("seconds/epoch", runs.values().stream()
                .mapToDouble(list -> list.stream().mapToDouble(History::secondsPerEpoch).average().orElse(Double.NaN))
                .toArray(), 2));
        table.addColumns(column("samples/s", runs.values().stream()
                .mapToDouble(list -> list.stream().mapToDouble(History::samplesPerSecond).average().orElse(Double.NaN))
                .toArray(), 0));
        return table;
    }

    @Override
    public String toString() {
        return table().printAll();
    }

    private void add(Table table, String name, ToDoubleFunction<EpochStats> field, boolean spread, int digits) {
        double[] means = new double[runs.size()];
        double[] deviations = new double[runs.size()];
        int row = 0;
        for (List<History> list : runs.values()) {
            double[] values = list.stream().mapToDouble(h -> h.size() == 0 ? Double.NaN : field.applyAsDouble(h.last())).toArray();
            double mean = 0;
            for (double v : values) {
                mean += v / values.length;
            }
            double squares = 0;
            for (double v : values) {
                squares += (v - mean) * (v - mean);
            }
            means[row] = mean;
            deviations[row] = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0;
            row++;
        }
        table.addColumns(column(name, means, digits));
        if (spread) {
            table.addColumns(column("± " + name, deviations, digits));
        }
    }

    private String runLabel(int r) {
        java.util.Set<Long> seedsOfRun = new java.util.LinkedHashSet<>();
        for (List<Long> list : seeds.values()) {
            if (r < list.size()) {
                seedsOfRun.add(list.get(r));
            }
        }
        return seedsOfRun.size() == 1 ? "seed " + seedsOfRun.iterator().next() : "run " + (r + 1);
    }

    private static DoubleColumn column(String name, double[] values, int digits) {
        DoubleColumn column = DoubleColumn.create(name, values);
        column.setPrintFormatter(digits == 0 ? NumberColumnFormatter.ints() : NumberColumnFormatter.fixedWithGrouping(digits));
        return column;
    }
}
