package org.dltips.lesson;

import org.dltips.train.History;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dltips.display.Displayable;
import org.dltips.lesson.internal.Text;
import org.dltips.train.EpochStats;

/**
 * "Optimization or generalization?": the lecture's recipe applied to one run's numbers. Introduced in the first
 * notebook; the homework notebook uses it as feedback.
 *
 * <pre>{@code
 * Diagnosis.of(0.113, 0.114)                      // OPTIMIZATION
 * Diagnosis.of(1.000, 0.475)                      // GENERALIZATION
 * Diagnosis.of(history.epochs()).withPredictions(predicted)
 * }</pre>
 *
 * <p>The rules, in order:
 * <ol>
 * <li>With predictions given, if one class gets at least {@value #ONE_CLASS_SHARE} of them: {@link
 * Verdict#FAILED_TRAINING}.</li>
 * <li>Training accuracy below the bar for good training (default {@value #GOOD_TRAINING}): {@link
 * Verdict#OPTIMIZATION}. Fix training first; tools against overfitting would only lower it further.</li>
 * <li>Training minus test accuracy above the allowed gap (default {@value #GAP}): {@link
 * Verdict#GENERALIZATION}.</li>
 * <li>Otherwise {@link Verdict#GOOD}.</li>
 * </ol>
 * The defaults suit MNIST-like digits; {@link #thresholds(double, double)} changes them for harder data.
 *
 * <p>Built from epochs, it also reads the curves ({@link #notes()}): a validation loss that ends more than 10%
 * above its best while the training loss kept falling (overfitting, with the epoch early stopping would keep); a
 * training loss that went up in at least a third of the epochs (5 or more epochs; the rate is probably too big);
 * a training loss that became NaN or infinite.
 */
public final class Diagnosis implements Displayable {

    /** Default training accuracy at or above which training counts as good. */
    public static final double GOOD_TRAINING = 0.9;
    /** Default largest train-minus-test accuracy gap that still counts as generalizing. */
    public static final double GAP = 0.05;
    /** Share of predictions in one class at or above which the network "predicts one class". */
    public static final double ONE_CLASS_SHARE = 0.9;

    private final double train;
    private final double test;
    private final double goodTraining;
    private final double gap;
    private final int majorityClass;
    private final double majorityShare;
    private final List<String> notes;

    private Diagnosis(double train, double test, double goodTraining, double gap, int majorityClass,
                      double majorityShare, List<String> notes) {
        this.train = train;
        this.test = test;
        this.goodTraining = goodTraining;
        this.gap = gap;
        this.majorityClass = majorityClass;
        this.majorityShare = majorityShare;
        this.notes = List.copyOf(notes);
    }

    /** Diagnoses from final training and test accuracy. {@code Diagnosis.of(0.998, 0.956)} */
    public static Diagnosis of(double trainAccuracy, double testAccuracy) {
        if (Double.isNaN(trainAccuracy)) {
            throw new IllegalArgumentException("the diagnosis needs the training accuracy, got NaN (not measured); "
                    + "measure accuracy on the training set, e.g. model.evaluate(train)");
        }
        return new Diagnosis(trainAccuracy, testAccuracy, GOOD_TRAINING, GAP, -1, Double.NaN, List.of());
    }

    /** Diagnoses from the last epoch: training accuracy and validation (test) accuracy. {@code Diagnosis.of(history.epochs())} */
    public static Diagnosis of(List<EpochStats> epochs) {
        if (epochs == null || epochs.isEmpty()) {
            throw new IllegalArgumentException("the diagnosis needs at least one epoch, got none; train first");
        }
        EpochStats last = epochs.get(epochs.size() - 1);
        Diagnosis d = of(last.trainAccuracy(), last.validationAccuracy());
        return new Diagnosis(d.train, d.test, d.goodTraining, d.gap, -1, Double.NaN, CurveSigns.read(epochs));
    }

    /** Diagnoses a run from its last epoch. {@code Diagnosis.of(history)} */
    public static Diagnosis of(History history) {
        return of(history.epochs());
    }

    /** Uses other bars, e.g. for noisy data. {@code Diagnosis.of(0.85, 0.80).thresholds(0.8, 0.1)} */
    public Diagnosis thresholds(double goodTrainingAccuracy, double allowedGap) {
        return new Diagnosis(train, test, goodTrainingAccuracy, allowedGap, majorityClass, majorityShare, notes);
    }

    /** Adds the model's predicted classes (on any set) to detect "predicts one class". {@code d.withPredictions(predicted)} */
    public Diagnosis withPredictions(int[] predictedClasses) {
        Majority majority = Majority.ofPredictions(predictedClasses);
        return new Diagnosis(train, test, goodTraining, gap, majority.predictedClass(), majority.share(), notes);
    }

    /**
     * Like {@link #withPredictions(int[])}, from a confusion matrix (rows true classes, columns predicted).
     * {@code d.withConfusionMatrix(evaluation.confusionMatrix())}
     */
    public Diagnosis withConfusionMatrix(int[][] counts) {
        Majority majority = Majority.ofConfusionMatrix(counts);
        return new Diagnosis(train, test, goodTraining, gap, majority.predictedClass(), majority.share(), notes);
    }

    /** The conclusion. */
    public Verdict verdict() {
        if (majorityShare >= ONE_CLASS_SHARE) {
            return Verdict.FAILED_TRAINING;
        }
        if (train < goodTraining) {
            return Verdict.OPTIMIZATION;
        }
        if (Double.isFinite(test) && train - test > gap) {
            return Verdict.GENERALIZATION;
        }
        return Verdict.GOOD;
    }

    /** What to try next, in the lecture's order of usefulness. */
    public List<String> suggestions() {
        return Advice.forVerdict(verdict());
    }

    /**
     * What the learning curves show besides the final numbers (only for {@link #of(List)}): a validation loss that
     * rose again (overfitting), a training loss that jumps around or blew up (rate too big).
     */
    public List<String> notes() {
        return notes;
    }

    /** The verdict with the numbers behind it, in one paragraph. */
    public String summary() {
        String numbers = "training accuracy " + Text.fixed(train, 3) + ", test accuracy " + Text.fixed(test, 3);
        return switch (verdict()) {
            case FAILED_TRAINING -> "Training failed: the network predicts class " + majorityClass + " for "
                    + Math.round(100 * majorityShare) + "% of inputs (" + numbers + "). Its accuracy is just the share "
                    + "of that class. This is an optimization problem, not overfitting.";
            case OPTIMIZATION -> "An optimization problem: " + numbers + ". Training accuracy is below "
                    + Text.number(goodTraining) + ", so the network does not even fit the data it learns from. "
                    + "This is not overfitting: fix training first (dropout or regularization now would only lower "
                    + "training accuracy further).";
            case GENERALIZATION -> "A generalization problem: " + numbers + ". Training is good (at least "
                    + Text.number(goodTraining) + ") but the test set is " + Text.fixed(train - test, 3)
                    + " lower, more than the allowed gap of " + Text.number(gap) + ".";
            case GOOD -> "Good on both sets: " + numbers + " (training at least " + Text.number(goodTraining)
                    + ", gap at most " + Text.number(gap) + ").";
        };
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Diagnosis: ").append(summary());
        notes.forEach(note -> text.append("\nNote: ").append(note).append('.'));
        List<String> tips = suggestions();
        if (!tips.isEmpty()) {
            text.append("\nTry:");
            tips.forEach(tip -> text.append("\n  - ").append(tip));
        }
        return text.toString();
    }

    @Override
    public Map<String, String> mimeBundle() {
        StringBuilder html = new StringBuilder("<div class=\"dltips-diagnosis\"><p><b>Diagnosis: ")
                .append(Text.html(verdict().meaning())).append("</b></p><p>").append(Text.html(summary())).append("</p>");
        notes.forEach(note -> html.append("<p>Note: ").append(Text.html(note)).append(".</p>"));
        List<String> tips = suggestions();
        if (!tips.isEmpty()) {
            html.append("<p>Try:</p><ul>");
            tips.forEach(tip -> html.append("<li>").append(Text.html(tip)).append("</li>"));
            html.append("</ul>");
        }
        html.append("</div>");
        String json = "{\"verdict\": " + Text.jsonString(verdict().name()) + ", \"train_accuracy\": "
                + Text.jsonNumber(train) + ", \"test_accuracy\": " + Text.jsonNumber(test)
                + ", \"majority_share\": " + Text.jsonNumber(majorityShare) + "}";
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        bundle.put("text/html", html.toString());
        bundle.put(Displayable.DATA, json);
        return bundle;
    }
}
