package org.dltips.kernel.display;

/**
 * Rich output from a cell, statically imported into every notebook: show a value now, and redraw it later.
 *
 * <pre>{@code
 * String id = display(Plots.learningCurves(history));
 * updateDisplay(id, Plots.learningCurves(longerHistory));
 * }</pre>
 */
public final class Display {

    /** Where displays go; set by the running kernel. */
    public interface Publisher {
        /** Shows {@code value} and returns its display id. */
        String display(Object value);

        /** Shows {@code value} rendered as the given MIME types only and returns its display id. */
        String display(Object value, String... mimeTypes);

        /** Replaces what display {@code id} shows with {@code value}. */
        void update(String id, Object value);
    }

    private static volatile Publisher publisher;

    private Display() {
    }

    /** Shows {@code value} below the cell (charts, tables, images, text) and returns its display id. */
    public static String display(Object value) {
        Publisher p = publisher;
        if (p == null) {
            System.out.println(value);
            return "";
        }
        return p.display(value);
    }

    /**
     * Shows {@code value} in the given formats only, such as a chart as SVG:
     * {@code display(chart, "image/svg+xml")}; returns its display id.
     */
    public static String display(Object value, String... mimeTypes) {
        Publisher p = publisher;
        if (p == null) {
            System.out.println(value);
            return "";
        }
        return p.display(value, mimeTypes);
    }

    /** Redraws the output {@link #display(Object)} returned {@code id} for, in place. */
    public static void updateDisplay(String id, Object value) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("updateDisplay needs the id that display(...) returned; received "
                    + (id == null ? "null" : "an empty id") + ". Keep the result: String id = display(chart);");
        }
        Publisher p = publisher;
        if (p == null) {
            System.out.println(value);
            return;
        }
        p.update(id, value);
    }

    /** True while a kernel is publishing displays. */
    public static boolean isActive() {
        return publisher != null;
    }

    /** Installs the kernel's publisher (or {@code null} to detach). */
    public static void setPublisher(Publisher replacement) {
        publisher = replacement;
    }
}
