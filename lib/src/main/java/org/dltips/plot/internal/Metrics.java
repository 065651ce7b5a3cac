package org.dltips.plot.internal;

import org.dltips.train.Metric;

/** What the charts need to know about a metric beyond its value: its axis words and which set it is measured on. */
public final class Metrics {

    private Metrics() {
    }

    /** "accuracy" or "loss", for axis titles. */
    public static String unit(Metric metric) {
        return metric.name().endsWith("ACCURACY") ? "accuracy" : "loss";
    }

    /** True for metrics measured on the held-out (validation or test) set, drawn dashed. */
    public static boolean heldOut(Metric metric) {
        return metric.name().startsWith("VALIDATION");
    }
}
