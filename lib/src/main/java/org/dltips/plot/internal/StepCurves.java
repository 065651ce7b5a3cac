package org.dltips.plot.internal;

import java.util.ArrayList;
import java.util.List;
import org.dltips.playground.Trajectory;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The surface's height at every step of each optimizer's path, on a log scale. A path that diverges is drawn
 * until it climbs 1000 times above the highest start, so that it does not squash the others.
 */
public final class StepCurves {

    private StepCurves() {
    }

    public static XYChart heights(List<Trajectory> paths) {
        String surface = paths.isEmpty() ? "" : " on the " + paths.get(0).surface().name() + " surface";
        XYChart chart = new XYChartBuilder().width(Style.WIDTH + 100).height(Style.HEIGHT)
                .title("Height at each step" + surface).xAxisTitle("step").yAxisTitle("f(x, y) (log scale)").build();
        Style.apply(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        double cap = 0;
        int longest = 1;
        for (Trajectory path : paths) {
            cap = Math.max(cap, path.values()[0]);
            longest = Math.max(longest, path.steps());
        }
        cap = 1000 * Math.max(cap, 1e-12);
        for (int i = 0; i < paths.size(); i++) {
            double[] values = paths.get(i).values();
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int t = 0; t < values.length; t++) {
                if (values[t] > cap) {
                    break;
                }
                if (values[t] > 0) {
                    xs.add((double) t);
                    ys.add(values[t]);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            String name = paths.get(i).optimizer() + (paths.get(i).diverged() ? " (diverged)" : "");
            XYSeries series = chart.addSeries(name, xs, ys);
            series.setLineColor(Style.color(i));
            series.setLineStyle(Style.SOLID);
            series.setMarker(SeriesMarkers.NONE);
        }
        if (chart.getSeriesMap().isEmpty()) {
            throw new IllegalArgumentException("nothing to draw: give at least one trajectory with a height above 0, "
                    + "e.g. Playground.run(Surface.rosenbrock(), Optimizers.adam(0.01), 1000)");
        }
        XYSeries first = chart.getSeriesMap().values().iterator().next();
        Style.spreadXTicks(chart, 0, first.getYData()[0], 1.37);
        chart.getStyler().setXAxisDecimalPattern("#");
        return chart;
    }
}
