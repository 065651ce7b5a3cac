package org.dltips.lesson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dltips.display.Displayable;
import org.dltips.lesson.internal.Text;

/**
 * What a {@link Homework} says about one attempt: the tier reached, the training and test accuracy, the
 * diagnosis (optimization or generalization?) and a hint on which kind of tip to try next, never the tip itself.
 * An attempt that cannot be graded (no network, wrong sizes, never trained) gets a {@link #problem()} instead of
 * an exception. Introduced in the homework notebook (13).
 *
 * <pre>{@code
 * Feedback feedback = homework.grade("attempt 1", net);
 * feedback.tier()            // Tier.NONE for the demo's failing network
 * feedback.reached()         // false
 * }</pre>
 *
 * <p>The {@link Displayable#DATA} form: {@code {"homework", "attempt", "tier" ("none", "pass", "strong", "boss"),
 * "reached", "targets": {"pass", "strong", "boss"}, "next_target", "train_accuracy", "test_accuracy", "diagnosis"
 * (a {@link Verdict} name or null), "hint", "problem" (null when graded), "notes"}}; numbers not measured are null.
 */
public final class Feedback implements Displayable {

    private final String homework;
    private final String attempt;
    private final Targets targets;
    private final double train;
    private final double test;
    private final Diagnosis diagnosis;
    private final String problem;
    private final List<String> notes;

    private Feedback(String homework, String attempt, Targets targets, double train, double test,
                     Diagnosis diagnosis, String problem, List<String> notes) {
        this.homework = homework;
        this.attempt = attempt;
        this.targets = targets;
        this.train = train;
        this.test = test;
        this.diagnosis = diagnosis;
        this.problem = problem;
        this.notes = List.copyOf(notes);
    }

    /** An attempt that was graded: its accuracies and the diagnosis made from them. */
    static Feedback graded(String homework, String attempt, Targets targets, Diagnosis diagnosis, double train,
                           double test, List<String> notes) {
        return new Feedback(homework, attempt, targets, train, test, diagnosis, null, notes);
    }

    /** An attempt that could not be graded, with what to fix. */
    static Feedback problem(String homework, String attempt, Targets targets, String problem) {
        return new Feedback(homework, attempt, targets, Double.NaN, Double.NaN, null, problem, List.of());
    }

    /** The attempt's name, e.g. "attempt 1". */
    public String attempt() {
        return attempt;
    }

    /** The highest tier the test accuracy reached; {@link Tier#NONE} when not graded. */
    public Tier tier() {
        return problem != null ? Tier.NONE : targets.tierOf(test);
    }

    /** True when the attempt reached at least the pass target. */
    public boolean reached() {
        return tier().atLeast(Tier.PASS);
    }

    /** Accuracy on the training set (dropout off); NaN when not graded. */
    public double trainAccuracy() {
        return train;
    }

    /** Accuracy on the homework's test set; NaN when not graded. */
    public double testAccuracy() {
        return test;
    }

    /** The verdict of the diagnosis, or null when the attempt could not be graded. */
    public Verdict verdict() {
        return diagnosis == null ? null : diagnosis.verdict();
    }

    /** Why the attempt could not be graded and how to fix it; null when it was graded. */
    public String problem() {
        return problem;
    }

    /** What the learning curves showed (rate too big, overfitting, training cut short). */
    public List<String> notes() {
        return notes;
    }

    /** Which kind of tip to try next: optimization or generalization tips; the fix for a problem. */
    public String hint() {
        return problem != null ? problem : HomeworkHints.forAttempt(verdict(), tier(), targets);
    }

    /** The first line: attempt, tier, test accuracy and the next target. */
    public String headline() {
        if (problem != null) {
            return attempt + " could not be graded";
        }
        Tier tier = tier();
        String reachedText = tier == Tier.NONE ? "target not reached yet" : tier.label() + " tier reached";
        String line = attempt + ": " + reachedText + ", test accuracy " + Text.fixed(test, 3);
        Tier next = tier.next();
        return next == null ? line + " (the top tier)"
                : line + " (" + next.label() + " tier at " + Text.number(targets.accuracyFor(next)) + ")";
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(headline());
        if (diagnosis != null) {
            text.append("\nDiagnosis: ").append(diagnosis.summary());
        }
        notes.forEach(note -> text.append("\nNote: ").append(note).append('.'));
        text.append(problem != null ? "\nWhat to fix: " : "\nHint: ").append(hint());
        return text.toString();
    }

    /** The JSON form described in the class comment. */
    public String toJson() {
        Tier next = tier().next();
        StringBuilder json = new StringBuilder("{\"homework\": ").append(Text.jsonString(homework))
                .append(", \"attempt\": ").append(Text.jsonString(attempt))
                .append(", \"tier\": ").append(Text.jsonString(tier().key()))
                .append(", \"reached\": ").append(reached())
                .append(", \"targets\": ").append(targets.toJson())
                .append(", \"next_target\": ").append(next == null ? "null"
                        : Text.jsonNumber(targets.accuracyFor(next)))
                .append(", \"train_accuracy\": ").append(Text.jsonNumber(train))
                .append(", \"test_accuracy\": ").append(Text.jsonNumber(test))
                .append(", \"diagnosis\": ").append(diagnosis == null ? "null" : Text.jsonString(verdict().name()))
                .append(", \"hint\": ").append(Text.jsonString(hint()))
                .append(", \"problem\": ").append(problem == null ? "null" : Text.jsonString(problem))
                .append(", \"notes\": [");
        for (int i = 0; i < notes.size(); i++) {
            json.append(i == 0 ? "" : ", ").append(Text.jsonString(notes.get(i)));
        }
        return json.append("]}").toString();
    }

    @Override
    public Map<String, String> mimeBundle() {
        String colour = problem != null ? "#b00020" : reached() ? "#1b7f3b" : "#9a6700";
        StringBuilder html = new StringBuilder("<div class=\"dltips-feedback\" style=\"border-left:4px solid ")
                .append(colour).append(";padding-left:8px\"><p><b>").append(Text.html(headline())).append("</b></p>");
        if (problem == null) {
            html.append(HomeworkTable.tiers(targets, tier(), train, test));
            html.append("<p><b>Diagnosis: ").append(Text.html(diagnosis.verdict().meaning())).append(".</b> ")
                    .append(Text.html(diagnosis.summary())).append("</p>");
            notes.forEach(note -> html.append("<p>Note: ").append(Text.html(note)).append(".</p>"));
            html.append("<p><b>Hint:</b> ");
        } else {
            html.append("<p><b>What to fix:</b> ");
        }
        html.append(Text.html(hint())).append("</p></div>");
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        bundle.put("text/html", html.toString());
        bundle.put(Displayable.DATA, toJson());
        return bundle;
    }
}
