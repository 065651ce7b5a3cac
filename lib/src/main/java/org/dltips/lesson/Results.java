package org.dltips.lesson;

import org.dltips.train.History;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dltips.display.Displayable;
import org.dltips.lesson.internal.Text;
import org.dltips.train.EpochStats;

/**
 * The results table every notebook ends with: one row per run with its training accuracy, test accuracy and
 * seconds per epoch. Shown as a readable table, and as JSON that the notebook tests read. Introduced in the
 * first notebook, on the live demo.
 *
 * <pre>{@code
 * Results results = Results.of("01-recipe.ipynb");
 * results.add("sigmoid + MSE", 0.113, 0.114, 1.9);
 * results.add("sigmoid + cross-entropy", history.epochs());
 * results
 * }</pre>
 *
 * <p>Adding a run under a name already present replaces that row, so re-running a cell does not duplicate it.
 * The {@code application/json} form is exactly
 * {@code {"notebook": "<file name>", "runs": [{"name": ..., "train_accuracy": ..., "test_accuracy": ...,
 * "seconds_per_epoch": ...}, ...]}} with {@code null} for a value that was not measured.
 */
public final class Results implements Displayable {

    /** One run: accuracies are fractions in [0, 1], NaN when not measured. */
    public record Row(String name, double trainAccuracy, double testAccuracy, double secondsPerEpoch) {
    }

    private final String notebook;
    private final Map<String, Row> rows = new LinkedHashMap<>();

    private Results(String notebook) {
        this.notebook = notebook;
    }

    /** An empty table for the notebook with this file name. {@code Results.of("03-relu.ipynb")} */
    public static Results of(String notebook) {
        if (notebook == null || notebook.isBlank()) {
            throw new IllegalArgumentException("Results.of needs the notebook's file name, got "
                    + (notebook == null ? "null" : "\"" + notebook + "\"") + "; e.g. Results.of(\"01-recipe.ipynb\")");
        }
        return new Results(notebook);
    }

    /** Adds (or replaces) a run measured by hand. {@code results.add("ReLU", 0.998, 0.956, 2.4)} */
    public Results add(String name, double trainAccuracy, double testAccuracy, double secondsPerEpoch) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a run needs a name, got " + (name == null ? "null" : "\"" + name + "\"")
                    + "; e.g. results.add(\"ReLU\", 0.998, 0.956, 2.4)");
        }
        rows.put(name, new Row(name, trainAccuracy, testAccuracy, secondsPerEpoch));
        return this;
    }

    /**
     * Adds (or replaces) a run from its epochs: the last epoch's training and validation accuracy (the
     * validation set given to {@code fit} is the test set in the demo notebooks) and the mean seconds per epoch.
     * {@code results.add("Adam", history.epochs())}
     */
    public Results add(String name, List<EpochStats> epochs) {
        if (epochs == null || epochs.isEmpty()) {
            throw new IllegalArgumentException("run \"" + name + "\" has no epochs; train it first (fit returns "
                    + "the epochs) or add the numbers by hand with add(name, train, test, secondsPerEpoch)");
        }
        EpochStats last = epochs.get(epochs.size() - 1);
        double seconds = epochs.stream().mapToDouble(EpochStats::seconds).average().orElse(Double.NaN);
        return add(name, last.trainAccuracy(), last.validationAccuracy(), seconds);
    }

    /** Adds (or replaces) a run from its history, like {@link #add(String, List)}. {@code results.add("Adam", history)} */
    public Results add(String name, History history) {
        return add(name, history.epochs());
    }

    /** The notebook's file name. */
    public String notebook() {
        return notebook;
    }

    /** The rows in the order they were first added. */
    public List<Row> rows() {
        return new ArrayList<>(rows.values());
    }

    /** The row of a run, for checks. {@code results.get("ReLU").testAccuracy()} */
    public Row get(String name) {
        Row row = rows.get(name);
        if (row == null) {
            throw new IllegalArgumentException("no run named \"" + name + "\" in the results; the runs are "
                    + rows.keySet() + "; add it first with results.add(...)");
        }
        return row;
    }

    /** The JSON form described in the class comment. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\"notebook\": ").append(Text.jsonString(notebook))
                .append(", \"runs\": [");
        String separator = "";
        for (Row row : rows.values()) {
            json.append(separator).append("{\"name\": ").append(Text.jsonString(row.name()))
                    .append(", \"train_accuracy\": ").append(Text.jsonNumber(row.trainAccuracy()))
                    .append(", \"test_accuracy\": ").append(Text.jsonNumber(row.testAccuracy()))
                    .append(", \"seconds_per_epoch\": ").append(Text.jsonNumber(row.secondsPerEpoch())).append('}');
            separator = ", ";
        }
        return json.append("]}").toString();
    }

    /** An HTML table with a caption naming the notebook. */
    public String toHtml() {
        StringBuilder html = new StringBuilder("<table class=\"dltips-results\">\n<caption>Results of ")
                .append(Text.html(notebook)).append("</caption>\n<thead><tr><th style=\"text-align:left\">run</th>"
                        + "<th>train accuracy</th><th>test accuracy</th><th>seconds / epoch</th></tr></thead>\n<tbody>\n");
        for (Row row : rows.values()) {
            html.append("<tr><td style=\"text-align:left\">").append(Text.html(row.name())).append("</td><td>")
                    .append(Text.fixed(row.trainAccuracy(), 3)).append("</td><td>")
                    .append(Text.fixed(row.testAccuracy(), 3)).append("</td><td>")
                    .append(Text.fixed(row.secondsPerEpoch(), 2)).append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>").toString();
    }

    /** Aligned plain-text columns. */
    @Override
    public String toString() {
        int width = Math.max(3, rows.keySet().stream().mapToInt(String::length).max().orElse(0));
        String format = "%-" + width + "s  %14s  %13s  %15s%n";
        StringBuilder text = new StringBuilder("Results of " + notebook + "\n");
        text.append(String.format(format, "run", "train accuracy", "test accuracy", "seconds / epoch"));
        for (Row row : rows.values()) {
            text.append(String.format(format, row.name(), Text.fixed(row.trainAccuracy(), 3),
                    Text.fixed(row.testAccuracy(), 3), Text.fixed(row.secondsPerEpoch(), 2)));
        }
        return text.toString().stripTrailing();
    }

    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        bundle.put("text/html", toHtml());
        bundle.put("application/json", toJson());
        return bundle;
    }
}
