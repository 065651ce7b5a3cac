package org.dltips.table;

import org.dltips.lesson.Results;
import org.dltips.train.Metric;
import org.dltips.train.EpochStats;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

import java.util.List;
import java.util.Map;

/**
 * Tablesaw tables of training runs: one row per epoch, or one row per run. A value that was not measured is a
 * missing cell. Introduced in the first notebook.
 *
 * <p>{@code Tables.epochs("ReLU", history.epochs())}
 */
public final class Tables {

    private Tables() {
    }

    /**
     * One row per epoch: epoch, train_loss, train_accuracy, validation_loss, validation_accuracy, seconds,
     * samples_per_second. {@code Tables.epochs("Adam", history.epochs()).print()}
     */
    public static Table epochs(String name, List<EpochStats> epochs) {
        return readable(Table.create(name,
                IntColumn.create("epoch", epochs.stream().mapToInt(EpochStats::epoch).toArray()),
                column("train_loss", epochs, Metric.TRAIN_LOSS),
                column("train_accuracy", epochs, Metric.TRAIN_ACCURACY),
                column("validation_loss", epochs, Metric.VALIDATION_LOSS),
                column("validation_accuracy", epochs, Metric.VALIDATION_ACCURACY),
                DoubleColumn.create("seconds", epochs.stream().mapToDouble(EpochStats::seconds).toArray()),
                DoubleColumn.create("samples_per_second",
                        epochs.stream().mapToDouble(EpochStats::samplesPerSecond).toArray())));
    }

    /**
     * One row per run from its last epoch: name, epochs, train_loss, train_accuracy, test_accuracy (the validation
     * set given to fit) and seconds_per_epoch (mean). {@code Tables.runs(Map.of("SGD", sgd.epochs(), "Adam", adam.epochs()))}
     */
    public static Table runs(Map<String, List<EpochStats>> runs) {
        Table table = Table.create("runs", StringColumn.create("name"), IntColumn.create("epochs"),
                DoubleColumn.create("train_loss"), DoubleColumn.create("train_accuracy"),
                DoubleColumn.create("test_accuracy"), DoubleColumn.create("seconds_per_epoch"));
        runs.forEach((name, epochs) -> {
            if (epochs.isEmpty()) {
                throw new IllegalArgumentException("run \"" + name + "\" has no epochs; train it before tabulating");
            }
            EpochStats last = epochs.get(epochs.size() - 1);
            table.stringColumn("name").append(name);
            table.intColumn("epochs").append(epochs.size());
            table.doubleColumn("train_loss").append(last.trainLoss());
            table.doubleColumn("train_accuracy").append(last.trainAccuracy());
            table.doubleColumn("test_accuracy").append(last.validationAccuracy());
            table.doubleColumn("seconds_per_epoch").append(
                    epochs.stream().mapToDouble(EpochStats::seconds).average().orElse(Double.NaN));
        });
        return readable(table);
    }

    /** The results table as Tablesaw, columns as in its JSON. {@code Tables.results(results)} */
    public static Table results(Results results) {
        List<Results.Row> rows = results.rows();
        return readable(Table.create(results.notebook(),
                StringColumn.create("name", rows.stream().map(Results.Row::name).toList()),
                DoubleColumn.create("train_accuracy", rows.stream().mapToDouble(Results.Row::trainAccuracy).toArray()),
                DoubleColumn.create("test_accuracy", rows.stream().mapToDouble(Results.Row::testAccuracy).toArray()),
                DoubleColumn.create("seconds_per_epoch",
                        rows.stream().mapToDouble(Results.Row::secondsPerEpoch).toArray())));
    }

    /**
     * One metric of several runs side by side: a column per run, a row per epoch (missing where a run is shorter).
     * {@code Tables.compare(Map.of("SGD", sgd.epochs(), "Adam", adam.epochs()), Metric.TRAIN_ACCURACY)}
     */
    public static Table compare(Map<String, List<EpochStats>> runs, Metric metric) {
        int longest = runs.values().stream().mapToInt(List::size).max().orElse(0);
        Table table = Table.create(metric.label());
        int[] epochNumbers = new int[longest];
        for (int i = 0; i < longest; i++) {
            epochNumbers[i] = i + 1;
        }
        table.addColumns(IntColumn.create("epoch", epochNumbers));
        runs.forEach((name, epochs) -> {
            double[] values = new double[longest];
            for (int i = 0; i < longest; i++) {
                values[i] = i < epochs.size() ? metric.of(epochs.get(i)) : Double.NaN;
            }
            table.addColumns(DoubleColumn.create(name, values));
        });
        return readable(table);
    }

    /**
     * Prints numbers the way people read them; the values themselves keep full precision. Seconds get two
     * decimals, samples per second none, everything else (losses, accuracies) four.
     */
    private static Table readable(Table table) {
        for (DoubleColumn column : table.numericColumns().stream()
                .filter(DoubleColumn.class::isInstance).map(DoubleColumn.class::cast).toList()) {
            String name = column.name();
            int decimals = name.startsWith("seconds") ? 2 : name.startsWith("samples") ? 0 : 4;
            column.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(decimals));
        }
        return table;
    }

    private static DoubleColumn column(String name, List<EpochStats> epochs, Metric metric) {
        return DoubleColumn.create(name, epochs.stream().mapToDouble(metric::of).toArray());
    }
}
