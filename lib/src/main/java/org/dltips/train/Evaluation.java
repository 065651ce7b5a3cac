package org.dltips.train;

import org.dltips.data.Dataset;
import org.dltips.display.Displayable;
import org.dltips.model.Network;
import org.dltips.train.internal.Scores;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a network does on one data set: loss, accuracy, confusion matrix, and a warning when it predicts almost
 * only one class, the sign of a network that failed to train.
 *
 * <p>{@code Evaluation e = net.evaluate(test); e.accuracy(); e.failureWarning();}
 *
 * <p>Introduced in the notebook of the live demo, where 0.1135 test accuracy is exactly the share of the
 * digit 1: the failed network answers 1 for everything.
 */
public final class Evaluation implements Displayable {

    /** Share of predictions going to one class above which the warning fires. */
    public static final double ONE_CLASS_THRESHOLD = 0.9;

    private final Scores scores;
    private final int[][] confusion;
    private final double[] predictionShare;

    private Evaluation(Scores scores, int[] labels, int classes) {
        this.scores = scores;
        this.confusion = new int[classes][classes];
        this.predictionShare = new double[classes];
        int[] predictions = scores.predictions();
        for (int i = 0; i < labels.length; i++) {
            confusion[labels[i]][predictions[i]]++;
            predictionShare[predictions[i]] += 1.0 / labels.length;
        }
    }

    /** Evaluates {@code network} on {@code data} in inference mode (dropout off). */
    public static Evaluation of(Network network, Dataset data) {
        Inputs.check(network, data, "evaluation");
        Scores scores = Scores.of(network.model(), network.loss(), data);
        return new Evaluation(scores, data.labels(), data.numClasses());
    }

    /** Mean loss per example (no regularization term). */
    public double loss() {
        return scores.loss();
    }

    /** Share of examples classified right; NaN on a {@linkplain Dataset#isMixed() mixed} set. */
    public double accuracy() {
        return scores.accuracy();
    }

    /** Number of examples evaluated. */
    public int size() {
        return scores.predictions().length;
    }

    /** Counts: row = true class, column = predicted class. A copy. */
    public int[][] confusion() {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /** Share of all predictions that went to each class. */
    public double[] predictionShare() {
        return predictionShare.clone();
    }

    /** The most probable class of every example. */
    public int[] predictions() {
        return scores.predictions().clone();
    }

    /** The class predicted most often. */
    public int dominantClass() {
        int best = 0;
        for (int c = 1; c < predictionShare.length; c++) {
            if (predictionShare[c] > predictionShare[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * "predicts 1 for 98% of inputs: training failed" when one class gets at least 90% of all predictions;
     * empty otherwise.
     */
    public Optional<String> failureWarning() {
        int c = dominantClass();
        if (predictionShare[c] < ONE_CLASS_THRESHOLD) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "predicts %d for %d%% of inputs: training failed",
                c, (int) Math.round(predictionShare[c] * 100)));
    }

    @Override
    public String toString() {
        String text = String.format(Locale.ROOT, "accuracy %.4f, loss %.4f on %d examples", accuracy(), loss(), size());
        return failureWarning().map(w -> text + "\n" + w).orElse(text);
    }

    @Override
    public Map<String, String> mimeBundle() {
        StringBuilder html = new StringBuilder("<div><b>").append(escape(toString().split("\n")[0])).append("</b>");
        failureWarning().ifPresent(w -> html.append("<div style=\"color:#b00020\">").append(w).append("</div>"));
        html.append("<table><tr><th>true \\ predicted</th>");
        for (int c = 0; c < confusion.length; c++) {
            html.append("<th>").append(c).append("</th>");
        }
        html.append("</tr>");
        for (int r = 0; r < confusion.length; r++) {
            html.append("<tr><th>").append(r).append("</th>");
            for (int c = 0; c < confusion.length; c++) {
                html.append(r == c ? "<td><b>" : "<td>").append(confusion[r][c]).append(r == c ? "</b></td>" : "</td>");
            }
            html.append("</tr>");
        }
        html.append("</table></div>");
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        bundle.put("text/html", html.toString());
        return bundle;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
