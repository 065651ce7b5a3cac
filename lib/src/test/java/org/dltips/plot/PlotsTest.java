package org.dltips.plot;

import org.dltips.train.Metric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dltips.data.Dataset;
import org.dltips.train.EpochStats;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** What the charts contain, and what their errors say. */
class PlotsTest {

    @Test
    void unmeasuredValidationIsLeftOutOfTheCurves() {
        List<EpochStats> trainOnly = List.of(new EpochStats(1, 1.0, 0.5, Double.NaN, Double.NaN, 1, 1),
                new EpochStats(2, 0.5, 0.8, Double.NaN, Double.NaN, 1, 1));
        XYChart chart = Plots.accuracy("no validation", trainOnly);
        assertEquals(List.of("train accuracy"), new ArrayList<>(chart.getSeriesMap().keySet()));
        assertEquals("Accuracy: no validation", chart.getTitle());
        assertEquals("epoch", chart.getXAxisTitle());
    }

    @Test
    void aLossChartKeepsItsLegendOutOfThePlot() {
        XYChart chart = Plots.loss("overfitting", Fixtures.run(30, 0.1, 0.99, 0.8));
        assertEquals(org.knowm.xchart.style.Styler.LegendPosition.OutsideS, chart.getStyler().getLegendPosition(),
                "a validation loss that rises late runs into the top right corner");
    }

    @Test
    void aMarkedEpochIsAVerticalLineNamedInALegendBelowThePlot() {
        XYChart chart = Plots.markEpoch(Plots.loss("big net", Fixtures.run(10, 0.1, 0.99, 0.8)), 4, "early stopping keeps");
        var mark = chart.getSeriesMap().get("early stopping keeps (epoch 4)");
        assertEquals(List.of(4.0, 4.0), List.of(mark.getXData()[0], mark.getXData()[1]));
        assertTrue(mark.getYData()[0] < mark.getYData()[1], "the line spans the curves");
        assertEquals(org.knowm.xchart.style.Styler.LegendPosition.OutsideS, chart.getStyler().getLegendPosition(),
                "a legend inside the plot could hide a validation loss that rises late");
    }

    @Test
    void pairedComparisonsNameRunsOnceAndExplainTheLineStyles() {
        Map<String, List<EpochStats>> runs = new LinkedHashMap<>();
        runs.put("SGD", Fixtures.run(5, 0.1, 0.8, 0.7));
        runs.put("Adam", Fixtures.run(5, 0.8, 0.99, 0.96));
        XYChart chart = Plots.compare(runs, Metric.TRAIN_ACCURACY, Metric.VALIDATION_ACCURACY);
        assertEquals("Accuracy (solid: training, dashed: validation)", chart.getTitle());
        assertEquals(List.of("SGD", "SGD – validation accuracy", "Adam", "Adam – validation accuracy"),
                new ArrayList<>(chart.getSeriesMap().keySet()));
        assertTrue(chart.getSeriesMap().get("SGD").isShowInLegend());
        assertTrue(!chart.getSeriesMap().get("SGD – validation accuracy").isShowInLegend());
    }

    @Test
    void nothingMeasuredIsAnErrorThatSaysWhy() {
        List<EpochStats> none = List.of(new EpochStats(1, 1, 0.5, Double.NaN, Double.NaN, 1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.compare(Map.of("run", none), Metric.VALIDATION_ACCURACY));
        assertEquals("nothing to draw: no epoch has a measured [VALIDATION_ACCURACY]; train first, and pass a "
                + "validation set to fit for validation metrics", e.getMessage());
    }

    @Test
    void unknownActivationListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.activations("swish"));
        assertEquals("unknown activation \"swish\"; expected one of [sigmoid, tanh, relu, leakyrelu, selu, softplus]",
                e.getMessage());
        assertTrue(Plots.activations("Leaky ReLU").getSeriesMap().containsKey("Leaky ReLU (slope 0.1)"));
    }

    @Test
    void imageGridChecksPixelCountsAndCaptions() {
        IllegalArgumentException wrongSize = assertThrows(IllegalArgumentException.class,
                () -> Plots.imageGrid(List.of(new float[10]), 28, 28));
        assertEquals("image 0 has 10 pixels, expected 28 x 28 = 784; check the width and height",
                wrongSize.getMessage());
        IllegalArgumentException captions = assertThrows(IllegalArgumentException.class,
                () -> Plots.imageGrid(List.of(new float[4]), 2, 2, List.of("a", "b"), 10));
        assertEquals("got 2 captions for 1 images; give one caption per image, or none", captions.getMessage());
    }

    @Test
    void imageGridReadsRawAndScaledPixelsAlike() {
        float[] raw = {0, 255, 255, 0};
        float[] scaled = {0, 1, 1, 0};
        float[] noisy = {-0.7f, 2.5f, 1f, 0f};
        BufferedImage a = Plots.imageGrid(List.of(raw), 2, 2);
        BufferedImage b = Plots.imageGrid(List.of(scaled), 2, 2);
        BufferedImage c = Plots.imageGrid(List.of(noisy), 2, 2);
        int cell = 84 / 2;
        int brightX = 6 + cell + 1;
        int y = 6 + 1;
        assertEquals(0xFFFFFF, a.getRGB(brightX, y) & 0xFFFFFF, "255 is white");
        assertEquals(a.getRGB(brightX, y), b.getRGB(brightX, y), "1.0 is white too");
        assertEquals(0xFFFFFF, c.getRGB(brightX, y) & 0xFFFFFF, "noise above 1 is clipped to white");
        assertEquals(0x000000, c.getRGB(7, 7) & 0xFFFFFF, "noise below 0 is clipped to black");
    }

    @Test
    void imageGridFromADatasetNeedsSquareImages() {
        Dataset square = new Dataset(new float[2 * 4], new int[] {3, 1}, 4, 10);
        assertTrue(Plots.imageGrid(square, 2).getWidth() > 0);
        Dataset flat = new Dataset(new float[2 * 3], new int[] {0, 1}, 3, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.imageGrid(flat, 2));
        assertEquals("images must be square to draw them from a data set, got 3 features per example; use "
                + "imageGrid(rows, width, height, captions, columns)", e.getMessage());
    }

    @Test
    void confusionMatrixMustBeSquareWithANamePerClass() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.confusionMatrix(new int[][] {{1, 2}, {3}}, List.of("a", "b")));
        assertEquals("the confusion matrix must be square, row 1 has 1 columns, expected 2", e.getMessage());
    }

    @Test
    void gradientsMustHaveSomethingPositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.gradientsPerLayer(Map.of("dead", new double[] {0, 0})));
        assertTrue(e.getMessage().startsWith("nothing to draw: every gradient magnitude given is zero"), e.getMessage());
    }

    @Test
    void learningRatesDrawEveryUpdateOfEverySchedule() {
        Map<String, org.dltips.model.Optimizer> optimizers = new LinkedHashMap<>();
        optimizers.put("constant", org.dltips.model.Optimizer.adam(0.01));
        optimizers.put("warm-up", org.dltips.model.Optimizer.adam(0.01)
                .schedule(org.dltips.model.Schedule.warmupThenDecay(10, 0.5)));
        XYChart chart = Plots.learningRates(optimizers, 3, 10);
        assertEquals(List.of("constant", "warm-up"), chart.getSeriesMap().keySet().stream().filter(k -> !k.isBlank()).toList());
        double[] warm = chart.getSeriesMap().get("warm-up").getYData();
        assertEquals(30, warm.length);
        assertEquals(0.001, warm[0], 1e-15, "first update of the warm-up");
        assertEquals(0.01, warm[9], 1e-15, "last update of the warm-up");
        assertEquals(0.005, warm[10], 1e-15, "epoch 2 (index 1): halved");
        assertEquals(0.0025, warm[29], 1e-15, "epoch 3 (index 2): halved again");
        assertEquals(30.0, chart.getSeriesMap().get("constant").getXData()[29]);
        assertEquals("learningRates got 0 epochs of 100 updates; expected 1 or more of each, e.g. 8 epochs of 100 "
                + "updates (10 000 examples, batch 100)",
                assertThrows(IllegalArgumentException.class, () -> Plots.learningRates(optimizers, 0, 100)).getMessage());
    }

    @Test
    void allRunsDrawsEveryRunInItsVariantsColourWithOneLegendEntry() {
        Map<String, List<org.dltips.train.History>> runs = new LinkedHashMap<>();
        runs.put("small", List.of(org.dltips.train.History.of(Fixtures.stuck(4)), org.dltips.train.History.of(Fixtures.stuck(4))));
        runs.put("Kaiming", List.of(org.dltips.train.History.of(Fixtures.run(4, 0.5, 0.9, 0.8)),
                org.dltips.train.History.of(Fixtures.run(4, 0.4, 0.95, 0.85)), org.dltips.train.History.of(Fixtures.run(4, 0.3, 0.9, 0.8))));
        XYChart chart = Plots.allRuns(runs, Metric.TRAIN_LOSS);
        assertEquals(List.of("small (2 runs)", "small, run 2", "Kaiming (3 runs)", "Kaiming, run 2", "Kaiming, run 3"),
                new ArrayList<>(chart.getSeriesMap().keySet()));
        assertTrue(chart.getSeriesMap().get("Kaiming (3 runs)").isShowInLegend());
        assertTrue(!chart.getSeriesMap().get("Kaiming, run 3").isShowInLegend());
        assertEquals(chart.getSeriesMap().get("Kaiming (3 runs)").getLineColor(), chart.getSeriesMap().get("Kaiming, run 3").getLineColor());
        assertTrue(!chart.getSeriesMap().get("small, run 2").getLineColor().equals(chart.getSeriesMap().get("Kaiming, run 2").getLineColor()));
        assertEquals(Fixtures.run(4, 0.4, 0.95, 0.85).get(3).trainLoss(), chart.getSeriesMap().get("Kaiming, run 2").getYData()[3]);
        assertEquals("Train loss of every run (one line per run)", chart.getTitle());
    }
}
