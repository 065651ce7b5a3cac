package org.dltips.plot.internal;

import java.util.List;
import java.util.Map;
import org.dltips.train.History;
import org.dltips.train.Metric;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** One metric of every run of several variants: one colour per variant, one line per run, one legend entry per variant. */
public final class RunCurves {

    private RunCurves() {
    }

    public static XYChart chart(Map<String, List<History>> runs, Metric metric) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("allRuns got no variant; give the runs of at least one, e.g. comparison.runs()");
        }
        String unit = Metrics.unit(metric);
        XYChart chart = new XYChartBuilder().width(Style.WIDTH + 100).height(Style.HEIGHT)
                .title(Character.toUpperCase(metric.label().charAt(0)) + metric.label().substring(1)
                        + " of every run (one line per run)")
                .xAxisTitle("epoch").yAxisTitle(unit).build();
        Style.apply(chart.getStyler());
        chart.getStyler().setXAxisDecimalPattern("#");
        if (unit.equals("accuracy")) {
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisMax(1.0);
        }
        int variant = 0;
        for (Map.Entry<String, List<History>> entry : runs.entrySet()) {
            List<History> histories = entry.getValue();
            boolean named = false;
            for (int run = 0; run < histories.size(); run++) {
                List<List<Double>> points = Metrics.points(histories.get(run), metric);
                List<Double> xs = points.get(0);
                List<Double> ys = points.get(1);
                if (xs.isEmpty()) {
                    continue;
                }
                String name = !named ? entry.getKey() + " (" + histories.size() + (histories.size() == 1 ? " run)" : " runs)")
                        : entry.getKey() + ", run " + (run + 1);
                XYSeries series = chart.addSeries(name, xs, ys);
                series.setLineColor(Style.color(variant));
                series.setMarkerColor(Style.color(variant));
                series.setLineStyle(Style.SOLID);
                series.setMarker(xs.size() <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
                series.setShowInLegend(!named);
                named = true;
            }
            variant++;
        }
        chart.getStyler().setMarkerSize(4);
        if (chart.getSeriesMap().isEmpty()) {
            throw new IllegalArgumentException("nothing to draw: no run has a measured " + metric.label()
                    + "; train first, and pass a validation set to fit for validation metrics");
        }
        return chart;
    }
}
