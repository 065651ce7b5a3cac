package org.dltips.lesson.internal;

import java.util.Collection;
import org.dltips.lesson.Results.Row;

/** The training runs of a results table: JSON object per run, HTML table, aligned text. */
public final class AccuracyTable {

    private AccuracyTable() {
    }

    /** {@code {"name": ..., "train_accuracy": ..., "test_accuracy": ..., "seconds_per_epoch": ...}} */
    public static String json(Row row) {
        return "{\"name\": " + Text.jsonString(row.name())
                + ", \"train_accuracy\": " + Text.jsonNumber(row.trainAccuracy())
                + ", \"test_accuracy\": " + Text.jsonNumber(row.testAccuracy())
                + ", \"seconds_per_epoch\": " + Text.jsonNumber(row.secondsPerEpoch()) + "}";
    }

    public static String html(String notebook, Collection<Row> rows) {
        StringBuilder html = new StringBuilder("<table class=\"dltips-results\">\n<caption>Results of ")
                .append(Text.html(notebook)).append("</caption>\n<thead><tr><th style=\"text-align:left\">run</th>"
                        + "<th>train accuracy</th><th>test accuracy</th><th>seconds / epoch</th></tr></thead>\n<tbody>\n");
        for (Row row : rows) {
            html.append("<tr><td style=\"text-align:left\">").append(Text.html(row.name())).append("</td><td>")
                    .append(Text.fixed(row.trainAccuracy(), 3)).append("</td><td>")
                    .append(Text.fixed(row.testAccuracy(), 3)).append("</td><td>")
                    .append(Text.fixed(row.secondsPerEpoch(), 2)).append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>").toString();
    }

    public static String text(String notebook, Collection<Row> rows) {
        int width = Math.max(3, rows.stream().mapToInt(row -> row.name().length()).max().orElse(0));
        String format = "%-" + width + "s  %14s  %13s  %15s%n";
        StringBuilder text = new StringBuilder("Results of " + notebook + "\n");
        text.append(String.format(format, "run", "train accuracy", "test accuracy", "seconds / epoch"));
        for (Row row : rows) {
            text.append(String.format(format, row.name(), Text.fixed(row.trainAccuracy(), 3),
                    Text.fixed(row.testAccuracy(), 3), Text.fixed(row.secondsPerEpoch(), 2)));
        }
        return text.toString().stripTrailing();
    }
}
