package org.dltips.plot.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A labelled vertical line at one epoch, e.g. the best epoch chosen by early stopping; named in the legend, which
 * moves below the plot when it was inside, so that it hides no part of a curve that rises late.
 */
public final class Marks {

    private static final BasicStroke DOTTED = new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {2f, 3f}, 0f);

    private Marks() {
    }

    public static XYChart epoch(XYChart chart, int epoch, String label) {
        double top = Double.NEGATIVE_INFINITY;
        double bottom = Double.POSITIVE_INFINITY;
        for (XYSeries series : chart.getSeriesMap().values()) {
            if (series.isShowInLegend() || !series.getName().isBlank()) {
                for (double y : series.getYData()) {
                    top = Math.max(top, y);
                    bottom = Math.min(bottom, y);
                }
            }
        }
        if (!Double.isFinite(top)) {
            throw new IllegalArgumentException("the chart has no data to mark; draw the curves first");
        }
        Double axisMin = chart.getStyler().getYAxisMin();
        Double axisMax = chart.getStyler().getYAxisMax();
        double low = axisMin != null ? axisMin : bottom;
        double high = axisMax != null ? axisMax : top;
        XYSeries mark = chart.addSeries(label + " (epoch " + epoch + ")", new double[] {epoch, epoch},
                new double[] {low, high});
        mark.setLineColor(new Color(60, 60, 60));
        mark.setLineStyle(DOTTED);
        mark.setMarker(SeriesMarkers.NONE);
        if (chart.getStyler().getLegendPosition().name().startsWith("Inside")) {
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        }
        return chart;
    }
}
