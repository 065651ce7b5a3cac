package org.dltips.plot.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The activation functions of the lecture with their derivatives, and a chart of either. */
public final class Activations {

    /** Leaky ReLU's slope for negative inputs, as drawn. */
    public static final double LEAKY_SLOPE = 0.1;
    private static final double SELU_SCALE = 1.0507009873554805;
    private static final double SELU_ALPHA = 1.6732632423543772;

    /** A function and its derivative. */
    public record Activation(String label, DoubleUnaryOperator function, DoubleUnaryOperator derivative) {
    }

    private static final Map<String, Activation> ALL = new LinkedHashMap<>();

    static {
        ALL.put("sigmoid", new Activation("sigmoid", Activations::sigmoid, x -> sigmoid(x) * (1 - sigmoid(x))));
        ALL.put("tanh", new Activation("tanh", Math::tanh, x -> 1 - Math.tanh(x) * Math.tanh(x)));
        ALL.put("relu", new Activation("ReLU", x -> Math.max(0, x), x -> x > 0 ? 1 : 0));
        ALL.put("leakyrelu", new Activation("Leaky ReLU (slope " + LEAKY_SLOPE + ")",
                x -> x > 0 ? x : LEAKY_SLOPE * x, x -> x > 0 ? 1 : LEAKY_SLOPE));
        ALL.put("selu", new Activation("SELU", x -> SELU_SCALE * (x > 0 ? x : SELU_ALPHA * (Math.exp(x) - 1)),
                x -> SELU_SCALE * (x > 0 ? 1 : SELU_ALPHA * Math.exp(x))));
        ALL.put("softplus", new Activation("softplus", x -> Math.log1p(Math.exp(-Math.abs(x))) + Math.max(x, 0),
                Activations::sigmoid));
    }

    private Activations() {
    }

    /** The names accepted, in drawing order. */
    public static List<String> names() {
        return List.of("sigmoid", "tanh", "relu", "leakyrelu", "selu", "softplus");
    }

    /** Looks a name up, ignoring case, spaces, dashes and underscores ("Leaky ReLU" = "leaky_relu"). */
    public static Activation named(String name) {
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        Activation activation = ALL.get(key);
        if (activation == null) {
            throw new IllegalArgumentException("unknown activation \"" + name + "\"; expected one of " + names());
        }
        return activation;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    public static XYChart chart(boolean derivatives, String... names) {
        List<String> chosen = names.length == 0 ? names() : List.of(names);
        String title = derivatives ? "Derivatives of activation functions" : "Activation functions";
        XYChart chart = new XYChartBuilder().width(Style.WIDTH).height(Style.HEIGHT).title(title)
                .xAxisTitle("input z").yAxisTitle(derivatives ? "slope  dσ/dz" : "output  σ(z)").build();
        Style.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setYAxisMin(derivatives ? -0.05 : -2.0);
        chart.getStyler().setYAxisMax(derivatives ? 1.9 : 4.0);

        chart.getStyler().setXAxisMin(-4.0);
        chart.getStyler().setXAxisMax(4.0);
        int index = 0;
        for (String name : chosen) {
            Activation activation = named(name);
            DoubleUnaryOperator f = derivatives ? activation.derivative() : activation.function();
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i <= 400; i++) {
                double x = -4 + 8.0 * i / 400;
                xs.add(x);
                ys.add(f.applyAsDouble(x));
            }
            XYSeries series = chart.addSeries(activation.label(), xs, ys);
            series.setLineColor(Style.color(index));
            series.setLineStyle(Style.SOLID);
            series.setMarker(SeriesMarkers.NONE);
            index++;
        }
        Style.spreadXTicks(chart, -4, 0, 0.37);
        return chart;
    }
}
