package org.dltips.lesson;

import org.dltips.train.History;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dltips.display.Displayable;
import org.dltips.lesson.internal.AccuracyTable;
import org.dltips.lesson.internal.PathTable;
import org.dltips.lesson.internal.Text;
import org.dltips.playground.Trajectory;
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
 * <p>A run of the optimizer playground has no accuracy: {@code results.add("Adam on Rosenbrock", adamPath)} adds
 * a row with where the path ended instead (surface, steps, final loss, distance to the minimum, whether it
 * diverged), shown in a second table.
 *
 * <p>Adding a run under a name already present replaces that row, so re-running a cell does not duplicate it.
 * The {@link Displayable#DATA} form is exactly
 * {@code {"notebook": "<file name>", "runs": [{"name": ..., "train_accuracy": ..., "test_accuracy": ...,
 * "seconds_per_epoch": ...}, ...]}} with {@code null} for a value that was not measured; a playground run is
 * {@code {"name": ..., "surface": ..., "steps": ..., "final_loss": ..., "distance_to_minimum": ...,
 * "diverged": ...}} and comes after the training runs.
 */
public final class Results implements Displayable {

    /** One run: accuracies are fractions in [0, 1], NaN when not measured. */
    public record Row(String name, double trainAccuracy, double testAccuracy, double secondsPerEpoch) {
    }

    /**
     * One optimizer run on a 2-D surface (notebook 7): how many steps it took, the height (loss) where it ended,
     * how far that is from the global minimum, and whether it stopped because it diverged.
     */
    public record PathRow(String name, String surface, int steps, double finalLoss, double distanceToMinimum,
                          boolean diverged) {
    }

    private final String notebook;
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Map<String, PathRow> paths = new LinkedHashMap<>();

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
        requireName(name, "results.add(\"ReLU\", 0.998, 0.956, 2.4)");
        paths.remove(name);
        rows.put(name, new Row(name, trainAccuracy, testAccuracy, secondsPerEpoch));
        return this;
    }

    /**
     * Adds (or replaces) an optimizer run of the playground: where its path ended, not an accuracy.
     * {@code results.add("Adam on Rosenbrock", Playground.run(Surface.rosenbrock(), Optimizers.adam(0.01), 1000))}
     */
    public Results add(String name, Trajectory path) {
        requireName(name, "results.add(\"Adam on Rosenbrock\", adamPath)");
        if (path == null) {
            throw new IllegalArgumentException("run \"" + name + "\" has no path (got null); pass the Trajectory that "
                    + "Playground.run(surface, optimizer, steps) returned");
        }
        rows.remove(name);
        paths.put(name, new PathRow(name, path.surface().name(), path.steps(), path.finalValue(),
                path.distanceToMinimum(), path.diverged()));
        return this;
    }

    private static void requireName(String name, String example) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a run needs a name, got " + (name == null ? "null" : "\"" + name + "\"")
                    + "; e.g. " + example);
        }
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

    /** The playground runs in the order they were first added. */
    public List<PathRow> paths() {
        return new ArrayList<>(paths.values());
    }

    /** The row of a run, for checks. {@code results.get("ReLU").testAccuracy()} */
    public Row get(String name) {
        Row row = rows.get(name);
        if (row == null) {
            if (paths.containsKey(name)) {
                throw new IllegalArgumentException("run \"" + name + "\" is a playground run and has no accuracies; "
                        + "read it with results.path(\"" + name + "\")");
            }
            throw new IllegalArgumentException("no run named \"" + name + "\" in the results; the runs are "
                    + names() + "; add it first with results.add(...)");
        }
        return row;
    }

    /** The row of a playground run, for checks. {@code results.path("Adam on Rosenbrock").distanceToMinimum()} */
    public PathRow path(String name) {
        PathRow row = paths.get(name);
        if (row == null) {
            throw new IllegalArgumentException("no playground run named \"" + name + "\" in the results; the runs are "
                    + names() + "; add it first with results.add(name, trajectory)");
        }
        return row;
    }

    private List<String> names() {
        List<String> names = new ArrayList<>(rows.keySet());
        names.addAll(paths.keySet());
        return names;
    }

    /** The JSON form described in the class comment. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\"notebook\": ").append(Text.jsonString(notebook))
                .append(", \"runs\": [");
        String separator = "";
        for (Row row : rows.values()) {
            json.append(separator).append(AccuracyTable.json(row));
            separator = ", ";
        }
        for (PathRow row : paths.values()) {
            json.append(separator).append(PathTable.json(row));
            separator = ", ";
        }
        return json.append("]}").toString();
    }

    /** An HTML table with a caption naming the notebook; playground runs get a table of their own. */
    public String toHtml() {
        if (paths.isEmpty()) {
            return AccuracyTable.html(notebook, rows.values());
        }
        String pathTable = PathTable.html(notebook, paths.values());
        return rows.isEmpty() ? pathTable : AccuracyTable.html(notebook, rows.values()) + "\n" + pathTable;
    }

    /** Aligned plain-text columns. */
    @Override
    public String toString() {
        if (paths.isEmpty()) {
            return AccuracyTable.text(notebook, rows.values());
        }
        String pathTable = PathTable.text(notebook, paths.values());
        return rows.isEmpty() ? pathTable : AccuracyTable.text(notebook, rows.values()) + "\n\n" + pathTable;
    }

    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        bundle.put("text/html", toHtml());
        bundle.put(Displayable.DATA, toJson());
        return bundle;
    }
}
