package org.dltips.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dltips.data.Dataset;
import org.dltips.display.Displayable;
import org.dltips.lesson.internal.Text;
import org.dltips.model.Network;
import org.dltips.train.EpochStats;
import org.dltips.train.History;

/**
 * A homework: reach target accuracies on a test set, with feedback after each attempt that names the problem
 * (optimization or generalization?) and the tier reached, but never the solution. Grading never throws: a
 * network that is missing, has the wrong sizes or was never trained gets feedback that says what to fix.
 * Introduced in the homework notebook (13).
 *
 * <pre>{@code
 * var homework = Homework.of("13-homework.ipynb", train, noisyTest, Targets.of(0.60, 0.70, 0.85));
 * homework.grade("attempt 1", net)      // shows the feedback; publishes it as application/vnd.dltips+json
 * homework                              // every attempt so far, with the best tier
 * }</pre>
 *
 * <p>Grading evaluates the network on the training set and on the test set (dropout off). The diagnosis uses
 * {@link Diagnosis} with its default bars and the predictions on the training set, so a network that predicts one
 * class is reported as failed training. Grading an attempt under a name already graded replaces it.
 */
public final class Homework implements Displayable {

    private final String notebook;
    private final Dataset train;
    private final Dataset test;
    private final Targets targets;
    private final Map<String, Feedback> attempts = new LinkedHashMap<>();

    private Homework(String notebook, Dataset train, Dataset test, Targets targets) {
        this.notebook = notebook;
        this.train = train;
        this.test = test;
        this.targets = targets;
    }

    /**
     * A homework graded on {@code test}, with the training set to report fit on.
     * {@code Homework.of("13-homework.ipynb", train, noisyTest, Targets.of(0.60, 0.70, 0.85))}
     */
    public static Homework of(String notebook, Dataset train, Dataset test, Targets targets) {
        if (notebook == null || notebook.isBlank() || train == null || test == null || targets == null) {
            throw new IllegalArgumentException("Homework.of needs the notebook's file name, the training set, the "
                    + "test set and the targets, got " + (notebook == null ? "null" : "\"" + notebook + "\"") + ", "
                    + describe(train) + ", " + describe(test) + ", " + targets + "; e.g. Homework.of(\"13-homework"
                    + ".ipynb\", train, noisyTest, Targets.of(0.60, 0.70, 0.85))");
        }
        if (train.inputSize() != test.inputSize() || train.numClasses() != test.numClasses()) {
            throw new IllegalArgumentException("the training and test sets must have the same shape, got "
                    + describe(train) + " and " + describe(test) + "; load both from the same data set");
        }
        return new Homework(notebook, train, test, targets);
    }

    /** The target test accuracies. */
    public Targets targets() {
        return targets;
    }

    /**
     * Grades a trained network and records the attempt; never throws. {@code homework.grade("attempt 1", net)}
     *
     * @param attempt the attempt's name; a blank name becomes "attempt N"
     * @param network the student's network, trained with {@code fit}; may be null (the feedback says so)
     */
    public Feedback grade(String attempt, Network network) {
        return grade(attempt, network, true);
    }

    /**
     * Grades a network on its weights alone, as a grader does with one it saved and loaded again
     * ({@link Network#load}): like {@link #grade}, without the checks and notes that need its training history.
     * {@code homework.gradeWeights("attempt 1", Network.load(Path.of("net1.zip")))}
     */
    public Feedback gradeWeights(String attempt, Network network) {
        return grade(attempt, network, false);
    }

    private Feedback grade(String attempt, Network network, boolean withHistory) {
        String name = attempt == null || attempt.isBlank() ? "attempt " + (attempts.size() + 1) : attempt.strip();
        Feedback feedback;
        try {
            String problem = problemWith(name, network, withHistory);
            feedback = problem != null ? Feedback.problem(notebook, name, targets, problem) : evaluate(name, network);
        } catch (RuntimeException e) {
            feedback = Feedback.problem(notebook, name, targets, "grading failed while evaluating the network: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ". Check that the cells above built and "
                    + "trained it without errors; if it keeps failing, restart the kernel and run from the top.");
        }
        attempts.put(name, feedback);
        return feedback;
    }

    /** The attempts graded so far, in the order first graded. */
    public List<Feedback> attempts() {
        return new ArrayList<>(attempts.values());
    }

    /**
     * The feedback on the attempt with this name; when it was not graded yet, feedback with a problem that says
     * so (not recorded). {@code homework.attempt("attempt 1").trainAccuracy()}
     */
    public Feedback attempt(String name) {
        Feedback feedback = attempts.get(name == null ? "" : name.strip());
        return feedback != null ? feedback : Feedback.problem(notebook, String.valueOf(name), targets, name
                + " was not graded yet; the attempts graded are " + attempts.keySet() + ". Run its feedback cell, "
                + "homework.grade(\"" + name + "\", net), first.");
    }

    /** The graded attempt with the highest test accuracy, or null when none could be graded yet. */
    public Feedback best() {
        Feedback best = null;
        for (Feedback f : attempts.values()) {
            if (f.problem() == null && (best == null || f.testAccuracy() > best.testAccuracy())) {
                best = f;
            }
        }
        return best;
    }

    /** The highest tier any attempt reached. */
    public Tier bestTier() {
        Feedback best = best();
        return best == null ? Tier.NONE : best.tier();
    }

    private String problemWith(String name, Network network, boolean withHistory) {
        String pixels = train.inputSize() + " values per example";
        if (network == null) {
            return name + " has no network (got null). Build one in the cell marked YOUR NETWORK HERE, starting with "
                    + "Network.input(" + train.inputSize() + ") and ending with .softmax(" + train.numClasses()
                    + ") and .build(), train it, then run this cell again.";
        }
        if (network.inputSize() != train.inputSize()) {
            return "the network takes " + network.inputSize() + " inputs per example, but the data has " + pixels
                    + ". Start the network with Network.input(" + train.inputSize() + "), train it again, then run "
                    + "this cell again.";
        }
        if (network.outputSize() != train.numClasses()) {
            return "the network's softmax has " + network.outputSize() + " outputs, but the data has "
                    + train.numClasses() + " classes. End the network with .softmax(" + train.numClasses()
                    + "), train it again, then run this cell again.";
        }
        History history = network.history();
        if (!withHistory) {
            return null;
        }
        if (history == null) {
            return "the network was never trained (net.history() is null: fit was not called on it), so its weights "
                    + "are still random. Run its training cell, e.g. net.fit(train, test, Fit.epochs(20).batchSize(100)),"
                    + " then run this cell again.";
        }
        if (history.size() == 0) {
            return "training stopped before its first epoch ended" + (history.stopReason().isEmpty() ? ""
                    : " (" + history.stopReason() + ")") + ". Run the training cell again and let it finish at least "
                    + "one epoch, then run this cell again.";
        }
        return null;
    }

    private Feedback evaluate(String name, Network network) {
        var onTrain = network.evaluate(train);
        double testAccuracy = network.evaluate(test).accuracy();
        Diagnosis diagnosis = Diagnosis.of(onTrain.accuracy(), testAccuracy).withPredictions(onTrain.predictions());
        List<String> notes = new ArrayList<>();
        History history = network.history();
        if (history == null) {
            return Feedback.graded(notebook, name, targets, diagnosis, onTrain.accuracy(), testAccuracy, notes);
        }
        if (history.size() < history.plannedEpochs()) {
            notes.add("training stopped after epoch " + history.size() + " of " + history.plannedEpochs()
                    + (history.stopReason().isEmpty() ? "" : " (" + history.stopReason() + ")"));
        }
        if (diagnosis.verdict() == Verdict.OPTIMIZATION || diagnosis.verdict() == Verdict.FAILED_TRAINING) {
            notes.addAll(curveNotes(history.epochs()));
        }
        return Feedback.graded(notebook, name, targets, diagnosis, onTrain.accuracy(), testAccuracy, notes);
    }

    /**
     * What the curves say about training ({@link CurveSigns}): a rate too big, a blow-up. Grading adds them only to
     * an optimization problem: a fitted network's tiny loss wobbles without meaning a rate too big. The note on a
     * rising validation loss is left out: the set given to fit is usually the graded test set, and picking the
     * epoch it likes best would be tuning on the test set. Nothing when fit did not measure the training loss.
     */
    static List<String> curveNotes(List<EpochStats> epochs) {
        if (!trainingLossMeasured(epochs)) {
            return List.of();
        }
        return CurveSigns.read(epochs).stream().filter(note -> !note.startsWith(CurveSigns.VALIDATION_ROSE)).toList();
    }

    /** False when fit skipped evaluating the training set (its loss is NaN while the running loss is not). */
    static boolean trainingLossMeasured(List<EpochStats> epochs) {
        return epochs.stream().noneMatch(e -> Double.isNaN(e.trainLoss()) && Double.isFinite(e.runningTrainLoss()));
    }

    private static String describe(Dataset data) {
        return data == null ? "null" : data.size() + " examples of " + data.inputSize() + " values in "
                + data.numClasses() + " classes";
    }

    /** The JSON form: {@code {"homework", "targets", "best_tier", "reached", "attempts": [feedback, ...]}}. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\"homework\": ").append(Text.jsonString(notebook))
                .append(", \"targets\": ").append(targets.toJson())
                .append(", \"best_tier\": ").append(Text.jsonString(bestTier().key()))
                .append(", \"reached\": ").append(bestTier().atLeast(Tier.PASS)).append(", \"attempts\": [");
        String separator = "";
        for (Feedback f : attempts.values()) {
            json.append(separator).append(f.toJson());
            separator = ", ";
        }
        return json.append("]}").toString();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Homework " + notebook + ": pass " + Text.number(targets.pass())
                + ", strong " + Text.number(targets.strong()) + ", boss " + Text.number(targets.boss())
                + " test accuracy; best tier so far: " + bestTier().label());
        attempts.values().forEach(f -> text.append("\n  ").append(f.headline()));
        return text.toString();
    }

    @Override
    public Map<String, String> mimeBundle() {
        String html = "<div class=\"dltips-homework\"><p><b>" + Text.html(notebook) + "</b>: targets on test accuracy "
                + "pass " + Text.number(targets.pass()) + ", strong " + Text.number(targets.strong()) + ", boss "
                + Text.number(targets.boss()) + ". Best tier so far: <b>" + bestTier().label() + "</b>.</p>"
                + (attempts.isEmpty() ? "<p>No attempt graded yet.</p>"
                : HomeworkTable.attempts(notebook, attempts())) + "</div>";
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        bundle.put("text/html", html);
        bundle.put(Displayable.DATA, toJson());
        return bundle;
    }
}
