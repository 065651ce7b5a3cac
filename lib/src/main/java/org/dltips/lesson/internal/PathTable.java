package org.dltips.lesson.internal;

import java.util.Collection;
import java.util.Locale;
import org.dltips.lesson.Results.PathRow;

/** The optimizer-playground runs of a results table: JSON object per run, HTML table, aligned text. */
public final class PathTable {

    private PathTable() {
    }

    /** {@code {"name": ..., "surface": ..., "steps": ..., "final_loss": ..., "distance_to_minimum": ..., "diverged": ...}} */
    public static String json(PathRow row) {
        return "{\"name\": " + Text.jsonString(row.name())
                + ", \"surface\": " + Text.jsonString(row.surface())
                + ", \"steps\": " + row.steps()
                + ", \"final_loss\": " + Text.jsonNumber(row.finalLoss())
                + ", \"distance_to_minimum\": " + Text.jsonNumber(row.distanceToMinimum())
                + ", \"diverged\": " + row.diverged() + "}";
    }

    public static String html(String notebook, Collection<PathRow> rows) {
        StringBuilder html = new StringBuilder("<table class=\"dltips-results\">\n<caption>Optimizer runs of ")
                .append(Text.html(notebook)).append("</caption>\n<thead><tr><th style=\"text-align:left\">run</th>"
                        + "<th style=\"text-align:left\">surface</th><th>steps</th><th>final loss f</th>"
                        + "<th>distance to the minimum</th><th>diverged</th></tr></thead>\n<tbody>\n");
        for (PathRow row : rows) {
            html.append("<tr><td style=\"text-align:left\">").append(Text.html(row.name()))
                    .append("</td><td style=\"text-align:left\">").append(Text.html(row.surface()))
                    .append("</td><td>").append(row.steps())
                    .append("</td><td>").append(short3(row.finalLoss()))
                    .append("</td><td>").append(short3(row.distanceToMinimum()))
                    .append("</td><td>").append(row.diverged() ? "yes" : "no").append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>").toString();
    }

    public static String text(String notebook, Collection<PathRow> rows) {
        int width = Math.max(3, rows.stream().mapToInt(row -> row.name().length()).max().orElse(0));
        int surface = Math.max(7, rows.stream().mapToInt(row -> row.surface().length()).max().orElse(0));
        String format = "%-" + width + "s  %-" + surface + "s  %5s  %12s  %23s  %8s%n";
        StringBuilder text = new StringBuilder("Optimizer runs of " + notebook + "\n");
        text.append(String.format(format, "run", "surface", "steps", "final loss f", "distance to the minimum",
                "diverged"));
        for (PathRow row : rows) {
            text.append(String.format(format, row.name(), row.surface(), row.steps(), short3(row.finalLoss()),
                    short3(row.distanceToMinimum()), row.diverged() ? "yes" : "no"));
        }
        return text.toString().stripTrailing();
    }

    /** Three significant digits, in scientific notation when very small or very large; "—" when not finite. */
    static String short3(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3g", value) : "—";
    }
}
