package org.dltips.plot.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Gradient magnitude per layer on a log scale, several runs overlaid. */
public final class Gradients {

    private Gradients() {
    }

    public static XYChart perLayer(Map<String, double[]> runs) {
        XYChart chart = new XYChartBuilder().width(Style.WIDTH).height(Style.HEIGHT)
                .title("Gradient magnitude per layer").xAxisTitle("layer (1 = next to the input)")
                .yAxisTitle("mean |gradient| (log scale)").build();
        Style.apply(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setXAxisDecimalPattern("#");
        chart.getStyler().setMarkerSize(7);
        int run = 0;
        int layers = 1;
        for (Map.Entry<String, double[]> entry : runs.entrySet()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            double[] magnitudes = entry.getValue();
            for (int i = 0; i < magnitudes.length; i++) {
                if (magnitudes[i] > 0 && Double.isFinite(magnitudes[i])) {
                    xs.add(i + 1.0);
                    ys.add(magnitudes[i]);
                }
            }
            layers = Math.max(layers, magnitudes.length);
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries series = chart.addSeries(entry.getKey(), xs, ys);
            series.setLineColor(Style.color(run));
            series.setMarkerColor(Style.color(run));
            series.setLineStyle(Style.SOLID);
            series.setMarker(SeriesMarkers.CIRCLE);
            run++;
        }
        if (chart.getSeriesMap().isEmpty()) {
            throw new IllegalArgumentException("nothing to draw: every gradient magnitude given is zero, negative or "
                    + "not a number; pass the mean absolute gradient of each layer, e.g. {1e-6, 1e-4, 1e-2}");
        }
        chart.getStyler().setXAxisMin(0.5);
        chart.getStyler().setXAxisMax(layers + 0.5);
        return chart;
    }
}
