package org.dltips.plot.internal;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dltips.train.EpochStats;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/** Grouped bars: training vs test accuracy per run. */
public final class Bars {

    private Bars() {
    }

    public static CategoryChart trainVsTest(Map<String, List<EpochStats>> runs) {
        List<String> names = new ArrayList<>(runs.keySet());
        double[] train = new double[names.size()];
        double[] test = new double[names.size()];
        for (int i = 0; i < names.size(); i++) {
            List<EpochStats> epochs = runs.get(names.get(i));
            if (epochs.isEmpty()) {
                throw new IllegalArgumentException("run \"" + names.get(i) + "\" has no epochs; train it before drawing");
            }
            train[i] = epochs.get(epochs.size() - 1).trainAccuracy();
            test[i] = epochs.get(epochs.size() - 1).validationAccuracy();
        }
        return trainVsTest("Training vs test accuracy", names, train, test);
    }

    public static CategoryChart trainVsTest(String title, List<String> names, double[] train, double[] test) {
        if (names.size() != train.length || names.size() != test.length || names.isEmpty()) {
            throw new IllegalArgumentException("need one training and one test accuracy per run, got " + names.size()
                    + " names, " + train.length + " training and " + test.length + " test accuracies");
        }
        int width = Math.max(Style.WIDTH, 90 * names.size() + 160);
        CategoryChart chart = new CategoryChartBuilder().width(width).height(Style.HEIGHT).title(title)
                .xAxisTitle("run").yAxisTitle("accuracy").build();
        Style.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        chart.getStyler().setLabelsFontColor(Color.WHITE);
        chart.getStyler().setLabelsPosition(0.94);
        chart.getStyler().setLabelsFont(new java.awt.Font(Style.FONT, java.awt.Font.BOLD, 10));
        chart.getStyler().setDecimalPattern("0.000");
        chart.getStyler().setYAxisDecimalPattern("0.000");
        chart.getStyler().setAvailableSpaceFill(0.8);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        if (names.stream().mapToInt(String::length).max().orElse(0) * names.size() > 90) {
            chart.getStyler().setXAxisLabelRotation(20);
        }
        CategorySeries trainSeries = chart.addSeries("training accuracy", names, box(train));
        trainSeries.setFillColor(Style.color(0));
        CategorySeries testSeries = chart.addSeries("test accuracy", names, box(test));
        testSeries.setFillColor(Style.color(1));
        return chart;
    }

    private static List<Double> box(double[] values) {
        List<Double> boxed = new ArrayList<>(values.length);
        for (double v : values) {
            boxed.add(Double.isFinite(v) ? v : 0.0);
        }
        return boxed;
    }
}
