package org.dltips.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dltips.lesson.Results;
import org.dltips.train.Metric;
import org.dltips.train.EpochStats;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TablesTest {

    private static final List<EpochStats> SGD = List.of(
            new EpochStats(1, 2.2, 0.71, 2.1, 0.70, 2.0, 5000),
            new EpochStats(2, 1.1, 0.86, 1.2, 0.85, 4.0, 2500));
    private static final List<EpochStats> ADAM = List.of(
            new EpochStats(1, 0.5, 0.85, 0.6, 0.84, 3.0, 3333),
            new EpochStats(2, 0.2, 0.95, 0.3, 0.93, 3.0, 3333),
            new EpochStats(3, 0.1, 0.99, 0.2, 0.96, 3.0, Double.NaN));

    @Test
    void epochsGiveOneRowPerEpochWithNamedColumns() {
        Table table = Tables.epochs("Adam", ADAM);
        assertEquals("Adam", table.name());
        assertEquals(List.of("epoch", "train_loss", "train_accuracy", "validation_loss", "validation_accuracy",
                "seconds", "samples_per_second"), table.columnNames());
        assertEquals(3, table.rowCount());
        assertEquals(0.95, table.doubleColumn("train_accuracy").get(1));
        assertTrue(table.doubleColumn("samples_per_second").isMissing(2), "NaN is a missing cell");
    }

    @Test
    void numbersPrintRoundedWhileValuesKeepFullPrecision() {
        Table table = Tables.epochs("Adam", List.of(new EpochStats(1, 1.0569725341796874, 0.663, 1.04888, 0.668,
                0.234468457, 8529.932024076057)));
        assertEquals("1.0570", table.getString(0, "train_loss"));
        assertEquals("0.6630", table.getString(0, "train_accuracy"));
        assertEquals("0.23", table.getString(0, "seconds"));
        assertEquals("8,530", table.getString(0, "samples_per_second"));
        assertEquals(1.0569725341796874, table.doubleColumn("train_loss").get(0));
    }

    @Test
    void runsGiveTheLastEpochAndMeanSeconds() {
        Map<String, List<EpochStats>> runs = new LinkedHashMap<>();
        runs.put("SGD", SGD);
        runs.put("Adam", ADAM);
        Table table = Tables.runs(runs);
        assertEquals(List.of("SGD", "Adam"), table.stringColumn("name").asList());
        assertEquals(0.86, table.doubleColumn("train_accuracy").get(0));
        assertEquals(0.96, table.doubleColumn("test_accuracy").get(1));
        assertEquals(3.0, table.doubleColumn("seconds_per_epoch").get(0));
        assertEquals(3, table.intColumn("epochs").get(1));
    }

    @Test
    void aRunWithoutEpochsIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tables.runs(Map.of("empty", List.of())));
        assertEquals("run \"empty\" has no epochs; train it before tabulating", e.getMessage());
    }

    @Test
    void resultsKeepTheJsonColumnNames() {
        Table table = Tables.results(Results.of("n.ipynb").add("ReLU", 0.998, 0.956, 2.5));
        assertEquals(List.of("name", "train_accuracy", "test_accuracy", "seconds_per_epoch"), table.columnNames());
        assertEquals(0.956, table.doubleColumn("test_accuracy").get(0));
    }

    @Test
    void compareLinesUpRunsByEpoch() {
        Map<String, List<EpochStats>> runs = new LinkedHashMap<>();
        runs.put("SGD", SGD);
        runs.put("Adam", ADAM);
        Table table = Tables.compare(runs, Metric.TRAIN_ACCURACY);
        assertEquals(List.of("epoch", "SGD", "Adam"), table.columnNames());
        assertEquals(0.71, table.doubleColumn("SGD").get(0));
        assertEquals(0.85, table.doubleColumn("Adam").get(0));
        assertTrue(table.doubleColumn("SGD").isMissing(2), "SGD ran only two epochs");
    }
}
