package org.dltips.plot.internal;

import java.util.Map;
import org.dltips.model.Optimizer;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The learning rate at every update of a fit, one line per optimizer; every second line is dashed, so a schedule
 * that coincides with another for a while stays visible.
 */
public final class RateCurves {

    private RateCurves() {
    }

    public static XYChart chart(Map<String, Optimizer> optimizers, int epochs, int updatesPerEpoch) {
        if (optimizers.isEmpty()) {
            throw new IllegalArgumentException("learningRates got no optimizer; give at least one, e.g. "
                    + "Map.of(\"constant\", Optimizer.adam(0.01))");
        }
        if (epochs < 1 || updatesPerEpoch < 1) {
            throw new IllegalArgumentException("learningRates got " + epochs + " epochs of " + updatesPerEpoch
                    + " updates; expected 1 or more of each, e.g. 8 epochs of 100 updates (10 000 examples, batch 100)");
        }
        XYChart chart = new XYChartBuilder().width(Style.WIDTH + 100).height(Style.HEIGHT)
                .title("Learning rate at each update").xAxisTitle("update (batch)").yAxisTitle("learning rate").build();
        Style.apply(chart.getStyler());
        chart.getStyler().setYAxisMin(0.0);
        int total = epochs * updatesPerEpoch;
        double top = 0;
        int index = 0;
        for (Map.Entry<String, Optimizer> entry : optimizers.entrySet()) {
            double[] xs = new double[total];
            double[] ys = new double[total];
            for (int update = 0; update < total; update++) {
                xs[update] = update + 1;
                ys[update] = entry.getValue().learningRateAt(update, update / updatesPerEpoch);
                top = Math.max(top, ys[update]);
            }
            XYSeries series = chart.addSeries(entry.getKey(), xs, ys);
            series.setLineColor(Style.color(index));
            series.setLineStyle(index % 2 == 0 ? Style.SOLID : Style.DASHED);
            series.setMarker(SeriesMarkers.NONE);
            index++;
        }
        chart.getStyler().setYAxisMax(top * 1.08);
        XYSeries first = chart.getSeriesMap().values().iterator().next();
        Style.spreadXTicks(chart, first.getXData()[0], first.getYData()[0], 1.37);
        chart.getStyler().setXAxisDecimalPattern("#");
        return chart;
    }
}
