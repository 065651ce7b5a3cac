package org.dltips.plot.internal;

import java.util.ArrayList;
import java.util.List;
import org.dltips.train.EpochStats;
import org.dltips.train.Metric;

/** What the charts need to know about a metric beyond its value: its axis words and which set it is measured on. */
public final class Metrics {

    private Metrics() {
    }

    /** "accuracy" or "loss", for axis titles. */
    public static String unit(Metric metric) {
        return metric.name().endsWith("ACCURACY") ? "accuracy" : "loss";
    }

    /**
     * The epochs where {@code metric} was measured (a finite value) and its values there, as the x and y lists of
     * one chart series; both empty when it never was. {@code List<List<Double>> xy = Metrics.points(epochs, m);}
     */
    public static List<List<Double>> points(Iterable<EpochStats> epochs, Metric metric) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (EpochStats epoch : epochs) {
            double y = metric.of(epoch);
            if (Double.isFinite(y)) {
                xs.add((double) epoch.epoch());
                ys.add(y);
            }
        }
        return List.of(xs, ys);
    }

    /** True for metrics measured on the held-out (validation or test) set, drawn dashed. */
    public static boolean heldOut(Metric metric) {
        return metric.name().startsWith("VALIDATION");
    }
}
