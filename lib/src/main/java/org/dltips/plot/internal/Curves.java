package org.dltips.plot.internal;

import java.util.List;
import java.util.Map;
import org.dltips.train.Metric;
import org.dltips.train.EpochStats;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Per-epoch curves: one colour per run, solid for training metrics, dashed for held-out ones. */
public final class Curves {

    private Curves() {
    }

    public static XYChart chart(String title, Map<String, List<EpochStats>> runs, List<Metric> metrics,
                                int width, int height) {
        String yTitle = metrics.stream().map(Metrics::unit).distinct().reduce((a, b) -> a + " / " + b).orElse("");
        boolean pairedStyles = runs.size() > 1 && metrics.size() == 2
                && Metrics.heldOut(metrics.get(0)) != Metrics.heldOut(metrics.get(1));
        String unit = Metrics.unit(metrics.get(0));
        String fullTitle = pairedStyles ? Character.toUpperCase(unit.charAt(0)) + unit.substring(1)
                + " (solid: training, dashed: validation)" : title;
        int fullWidth = runs.size() > 1 ? width + 100 : width;
        XYChart chart = new XYChartBuilder().width(fullWidth).height(height).title(fullTitle)
                .xAxisTitle("epoch").yAxisTitle(yTitle).build();
        Style.apply(chart.getStyler());
        // below the plot: inside, it would hide a validation loss that rises late (overfitting)
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        boolean accuracyOnly = metrics.stream().allMatch(m -> Metrics.unit(m).equals("accuracy"));
        if (accuracyOnly) {
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisMax(1.0);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        }
        chart.getStyler().setXAxisDecimalPattern("#");
        int run = 0;
        int maxEpochs = 1;
        for (Map.Entry<String, List<EpochStats>> entry : runs.entrySet()) {
            for (Metric metric : metrics) {
                List<List<Double>> points = Metrics.points(entry.getValue(), metric);
                List<Double> xs = points.get(0);
                List<Double> ys = points.get(1);
                if (xs.isEmpty()) {
                    continue;
                }
                maxEpochs = Math.max(maxEpochs, xs.size());
                String name = seriesName(entry.getKey(), metric, runs.size(), metrics.size(), pairedStyles);
                XYSeries series = chart.addSeries(unique(chart, name), xs, ys);
                series.setLineColor(Style.color(run));
                series.setMarkerColor(Style.color(run));
                series.setLineStyle(Metrics.heldOut(metric) ? Style.DASHED : Style.SOLID);
                series.setMarker(xs.size() <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
                series.setShowInLegend(!(pairedStyles && Metrics.heldOut(metric)));
            }
            run++;
        }
        chart.getStyler().setMarkerSize(5);
        if (runs.size() > 1) {
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        }
        if (chart.getSeriesMap().isEmpty()) {
            throw new IllegalArgumentException("nothing to draw: no epoch has a measured " + metrics
                    + "; train first, and pass a validation set to fit for validation metrics");
        }
        if (maxEpochs > 25) {
            XYSeries first = chart.getSeriesMap().values().iterator().next();
            Style.spreadXTicks(chart, first.getXData()[0], first.getYData()[0], 1.37);
            chart.getStyler().setXAxisDecimalPattern("#");
        }
        if (maxEpochs <= 1) {
            chart.getStyler().setXAxisMin(0.5);
            chart.getStyler().setXAxisMax(1.5);
        }
        return chart;
    }

    private static String seriesName(String run, Metric metric, int runs, int metrics, boolean pairedStyles) {
        if (runs == 1 && metrics == 1) {
            return run;
        }
        if (runs == 1) {
            return metric.label();
        }
        return metrics == 1 || (pairedStyles && !Metrics.heldOut(metric)) ? run : run + " – " + metric.label();
    }

    private static String unique(XYChart chart, String name) {
        String candidate = name;
        for (int i = 2; chart.getSeriesMap().containsKey(candidate); i++) {
            candidate = name + " (" + i + ")";
        }
        return candidate;
    }
}
