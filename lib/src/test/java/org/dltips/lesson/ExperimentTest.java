package org.dltips.lesson;

import org.dltips.data.Dataset;
import org.dltips.model.Activation;
import org.dltips.model.Loss;
import org.dltips.model.Network;
import org.dltips.model.NetworkBuilder;
import org.dltips.train.Fit;
import org.dltips.train.History;
import org.dltips.train.Metric;
import org.dltips.train.RecordingSink;
import org.dltips.train.Synthetic;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentTest {

    private final Dataset train = Synthetic.blobs(150, 6, 3, 1);
    private final Dataset test = Synthetic.blobs(60, 6, 3, 2);
    private final NetworkBuilder base = Network.input(6).dense(12, Activation.SIGMOID).softmax(3).seed(4);

    @Test
    void variantsRunOnTheSameDataAndSeedAndMatchSeparateRuns() {
        Comparison c = Experiment.on(train, test).epochs(3).batchSize(15).quiet()
                .variant("MSE", base.loss(Loss.MSE)).variant("cross-entropy", base).run();
        assertEquals(List.of("MSE", "cross-entropy"), List.copyOf(c.histories().keySet()));
        History alone = base.build().fit(train, test, Fit.epochs(3).batchSize(15).quiet());
        assertArrayEquals(alone.trainLoss(), c.history("cross-entropy").trainLoss(), "same as a separate run with that seed");
        Table table = c.table();
        assertEquals(List.of("variant", "train accuracy", "test accuracy", "train loss", "test loss", "seconds/epoch", "samples/s"),
                table.columnNames());
        assertEquals(2, table.rowCount());
        assertEquals(c.history("MSE").last().validationAccuracy(), table.doubleColumn("test accuracy").get(0));
        assertEquals(c.history("cross-entropy").last().trainLoss(), table.doubleColumn("train loss").get(1));
        assertTrue(c.toString().contains("cross-entropy"));
    }

    @Test
    void chartOverlaysEveryVariantsCurves() {
        Comparison c = Experiment.on(train, test).epochs(2).batchSize(15).quiet()
                .variant("MSE", base.loss(Loss.MSE)).variant("cross-entropy", base).run();
        var chart = c.chart();
        assertEquals(4, chart.getSeriesMap().size(), "train and test accuracy of two variants: " + chart.getSeriesMap().keySet());
        assertTrue(chart.getSeriesMap().keySet().stream().anyMatch(name -> name.contains("MSE")));
        assertEquals(2, c.chart(Metric.TRAIN_LOSS).getSeriesMap().size());
    }

    @Test
    void repeatsUseSuccessiveSeedsAndReportMeanAndSpread() {
        Comparison c = Experiment.on(train, test).epochs(2).batchSize(30).repeats(3).quiet()
                .variant("sigmoid", base).run();
        List<History> runs = c.runs().get("sigmoid");
        assertEquals(3, runs.size());
        assertNotEquals(runs.get(0).last().trainLoss(), runs.get(1).last().trainLoss(), "different seeds");
        History seed5 = base.seed(5).build().fit(train, test, Fit.epochs(2).batchSize(30).quiet());
        assertArrayEquals(seed5.trainLoss(), runs.get(1).trainLoss(), "run 2 uses seed 4 + 1");
        Table table = c.table();
        assertTrue(table.columnNames().contains("± test accuracy"), table.columnNames().toString());
        double mean = runs.stream().mapToDouble(h -> h.last().trainLoss()).average().orElseThrow();
        assertEquals(mean, table.doubleColumn("train loss").get(0), 1e-12);
        double[] v = runs.stream().mapToDouble(h -> h.last().trainLoss()).toArray();
        double sd = Math.sqrt(((v[0] - mean) * (v[0] - mean) + (v[1] - mean) * (v[1] - mean) + (v[2] - mean) * (v[2] - mean)) / 2);
        assertEquals(sd, table.doubleColumn("± train loss").get(0), 1e-12);
    }

    @Test
    void perRunTableAndRangeGiveEverySeedsFinalValue() {
        Comparison c = Experiment.on(train, test).epochs(2).batchSize(30).repeats(2).quiet()
                .variant("sigmoid", base).variant("MSE", base.loss(Loss.MSE)).run();
        assertEquals(List.of(4L, 5L), c.seeds().get("MSE"));
        Table table = c.perRun(Metric.TRAIN_LOSS);
        assertEquals(List.of("variant", "seed 4", "seed 5", "lowest", "highest"), table.columnNames());
        List<History> mse = c.runs().get("MSE");
        double first = mse.get(0).last().trainLoss();
        double second = mse.get(1).last().trainLoss();
        assertEquals(second, table.doubleColumn("seed 5").get(1));
        assertEquals(Math.min(first, second), table.doubleColumn("lowest").get(1));
        assertEquals(Math.max(first, second), table.doubleColumn("highest").get(1));
        assertArrayEquals(new double[] {Math.min(first, second), Math.max(first, second)}, c.range("MSE", Metric.TRAIN_LOSS));
        assertEquals(4, c.chartAllRuns(Metric.TRAIN_LOSS).getSeriesMap().size(), "two runs of two variants");
        assertTrue(!Double.isNaN(c.range("MSE", Metric.VALIDATION_LOSS)[0]), "measured on the test set: a number");
        Comparison trainOnly = Experiment.on(train, null).epochs(1).batchSize(50).quiet().variant("no test", base).run();
        assertTrue(Double.isNaN(trainOnly.range("no test", Metric.VALIDATION_ACCURACY)[1]), "not measured: NaN, so a check fails");
        assertTrue(trainOnly.perRun(Metric.VALIDATION_ACCURACY).doubleColumn("highest").isMissing(0));
        assertEquals("no variant \"Xavier\"; the variants are [sigmoid, MSE]",
                assertThrows(IllegalArgumentException.class, () -> c.range("Xavier", Metric.TRAIN_LOSS)).getMessage());
    }

    @Test
    void progressIsOneLinePerRunOutsideANotebookAndOneRedrawnAreaInside() {
        try {
            RecordingSink console = new RecordingSink(false);
            org.dltips.display.Output.setSink(console);
            Experiment.on(train, test).epochs(1).batchSize(50).variant("a", base).variant("b", base).run();
            assertEquals(2, console.areas.size());
            assertTrue(console.areas.get(1).get(0).toString()
                    .matches("variant 2/2 \"b\": train acc \\d\\.\\d{4}, test acc \\d\\.\\d{4} after 1 epochs, \\d+\\.\\d s/epoch"),
                    console.areas.get(1).get(0).toString());
            RecordingSink notebook = new RecordingSink(true);
            org.dltips.display.Output.setSink(notebook);
            Experiment.on(train, test).epochs(1).batchSize(50).variant("a", base).variant("b", base).run();
            assertEquals(1, notebook.areas.size());
            List<Object> area = notebook.areas.get(0);
            assertTrue(area.get(area.size() - 1).toString().endsWith("variant 2/2 \"b\" done"), area.toString());
        } finally {
            org.dltips.display.Output.setSink(null);
        }
    }

    @Test
    void mistakesAreExplained() {
        assertEquals("variant \"a\" was already added; give each variant its own name",
                assertThrows(IllegalArgumentException.class,
                        () -> Experiment.on(train, test).variant("a", base).variant("a", base)).getMessage());
        assertEquals("the experiment has no variant; add one with .variant(\"name\", Network.input(784)...)",
                assertThrows(IllegalStateException.class, () -> Experiment.on(train, test).run()).getMessage());
    }
}
