package org.dltips.lesson;

import org.dltips.display.Displayable;
import org.dltips.lesson.internal.Text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lecture's table for any training method: which step of machine learning it changes, and whether it
 * helped optimization or generalization, decided by measured numbers. A method helps optimization when it
 * raised training accuracy over its reference run by at least the margin, and generalization when it raised
 * test accuracy by at least the margin.
 *
 * <pre>{@code
 * MethodTable.comparedWith("no cure", 1.000, 0.780)
 *         .add("AdamW", Step.OPTIMIZATION, 0.985, 0.850)      // helps generalization, not optimization
 *         .reference("SGD", 0.80, 0.86)
 *         .add("Adam instead of SGD", Step.OPTIMIZATION, 1.0, 0.78)
 * }</pre>
 *
 * <p>Introduced in the notebook on overfitting and its cures. Rows added after {@link #reference} are compared
 * with that run; the default margin is {@value #MARGIN} (one point of accuracy).
 */
public final class MethodTable implements Displayable {

    /** Default smallest accuracy change that counts as help. */
    public static final double MARGIN = 0.01;

    /**
     * One measured method.
     *
     * @param deltaTrain training accuracy minus the reference's
     * @param deltaTest  test accuracy minus the reference's
     */
    public record Row(String method, Step step, String reference, double trainAccuracy, double testAccuracy,
                      double deltaTrain, double deltaTest, boolean helpsOptimization, boolean helpsGeneralization) {
    }

    private final String referenceName;
    private final double referenceTrain;
    private final double referenceTest;
    private final double margin;
    private final List<Row> rows;

    private MethodTable(String referenceName, double referenceTrain, double referenceTest, double margin,
                        List<Row> rows) {
        this.referenceName = referenceName;
        this.referenceTrain = referenceTrain;
        this.referenceTest = referenceTest;
        this.margin = margin;
        this.rows = List.copyOf(rows);
    }

    /** A table whose methods are compared with the run {@code name} (training and test accuracy). */
    public static MethodTable comparedWith(String name, double trainAccuracy, double testAccuracy) {
        checkReference(name, trainAccuracy, testAccuracy);
        return new MethodTable(name, trainAccuracy, testAccuracy, MARGIN, List.of());
    }

    /** Rows added from now on are compared with the run {@code name} instead. */
    public MethodTable reference(String name, double trainAccuracy, double testAccuracy) {
        checkReference(name, trainAccuracy, testAccuracy);
        return new MethodTable(name, trainAccuracy, testAccuracy, margin, rows);
    }

    /** Uses another smallest change that counts as help, e.g. {@code margin(0.02)} for noisy runs. */
    public MethodTable margin(double margin) {
        if (!(margin > 0 && margin < 1)) {
            throw new IllegalArgumentException("margin got " + margin
                    + "; expected an accuracy change between 0 and 1, e.g. margin(0.01) for one point");
        }
        List<Row> again = rows.stream().map(r -> decide(r.method(), r.step(), r.reference(), r.trainAccuracy(),
                r.testAccuracy(), r.trainAccuracy() - r.deltaTrain(), r.testAccuracy() - r.deltaTest(), margin)).toList();
        return new MethodTable(referenceName, referenceTrain, referenceTest, margin, again);
    }

    /** Adds a method with the training and test accuracy it reached. */
    public MethodTable add(String method, Step step, double trainAccuracy, double testAccuracy) {
        if (method == null || method.isBlank() || step == null) {
            throw new IllegalArgumentException("add needs a method name and the step it changes, got "
                    + (method == null ? "null" : "\"" + method + "\"") + " and " + step
                    + "; e.g. add(\"dropout 0.5\", Step.OPTIMIZATION, 0.97, 0.85)");
        }
        if (!(Double.isFinite(trainAccuracy) && Double.isFinite(testAccuracy))) {
            throw new IllegalArgumentException("\"" + method + "\" got training accuracy " + trainAccuracy
                    + " and test accuracy " + testAccuracy + "; both must be measured (pass the test set to fit)");
        }
        if (rows.stream().anyMatch(r -> r.method().equals(method))) {
            throw new IllegalArgumentException("\"" + method + "\" is already in the table; give each method its own name");
        }
        List<Row> next = new ArrayList<>(rows);
        next.add(decide(method, step, referenceName, trainAccuracy, testAccuracy, referenceTrain, referenceTest, margin));
        return new MethodTable(referenceName, referenceTrain, referenceTest, margin, next);
    }

    /** The rows in the order added. */
    public List<Row> rows() {
        return rows;
    }

    /** The row of {@code method}, for checks. {@code table.row("AdamW").deltaTest()} */
    public Row row(String method) {
        return rows.stream().filter(r -> r.method().equals(method)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no method \"" + method + "\" in the table; the methods are "
                        + rows.stream().map(Row::method).toList()));
    }

    /** The smallest accuracy change that counts as help. */
    public double margin() {
        return margin;
    }

    /** An HTML table, one row per method. */
    public String toHtml() {
        StringBuilder html = new StringBuilder("<table class=\"dltips-methods\">\n<caption>Which step does a method "
                + "change, and what did it help? (help = at least " + Text.number(margin) + " more accuracy than the "
                + "run it is compared with)</caption>\n<thead><tr><th style=\"text-align:left\">method</th>"
                + "<th style=\"text-align:left\">changes step</th><th style=\"text-align:left\">compared with</th>"
                + "<th>train acc.</th><th>test acc.</th><th>Δ train</th><th>Δ test</th>"
                + "<th>helps optimization?</th><th>helps generalization?</th></tr></thead>\n<tbody>\n");
        for (Row row : rows) {
            html.append("<tr><td style=\"text-align:left\">").append(Text.html(row.method()))
                    .append("</td><td style=\"text-align:left\">").append(row.step().label())
                    .append("</td><td style=\"text-align:left\">").append(Text.html(row.reference()))
                    .append("</td><td>").append(Text.fixed(row.trainAccuracy(), 3))
                    .append("</td><td>").append(Text.fixed(row.testAccuracy(), 3))
                    .append("</td><td>").append(signed(row.deltaTrain()))
                    .append("</td><td>").append(signed(row.deltaTest()))
                    .append("</td><td>").append(row.helpsOptimization() ? "<b>yes</b>" : "no")
                    .append("</td><td>").append(row.helpsGeneralization() ? "<b>yes</b>" : "no")
                    .append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>").toString();
    }

    /** Aligned plain-text columns. */
    @Override
    public String toString() {
        int width = Math.max(6, rows.stream().mapToInt(r -> r.method().length()).max().orElse(0));
        String format = "%-" + width + "s  %-20s  %8s  %8s  %-12s  %-14s%n";
        StringBuilder text = new StringBuilder(String.format(format, "method", "changes step", "Δ train", "Δ test",
                "optimization", "generalization").stripTrailing()).append('\n');
        for (Row row : rows) {
            text.append(String.format(format, row.method(), row.step().label(), signed(row.deltaTrain()),
                    signed(row.deltaTest()), row.helpsOptimization() ? "helps" : "no",
                    row.helpsGeneralization() ? "helps" : "no").stripTrailing()).append('\n');
        }
        return text.toString().stripTrailing();
    }

    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        bundle.put("text/html", toHtml());
        return bundle;
    }

    private static Row decide(String method, Step step, String reference, double train, double test,
                              double referenceTrain, double referenceTest, double margin) {
        double deltaTrain = train - referenceTrain;
        double deltaTest = test - referenceTest;
        return new Row(method, step, reference, train, test, deltaTrain, deltaTest,
                deltaTrain >= margin, deltaTest >= margin);
    }

    private static String signed(double value) {
        return (value >= 0 ? "+" : "−") + Text.fixed(Math.abs(value), 3);
    }

    private static void checkReference(String name, double train, double test) {
        if (name == null || name.isBlank() || !(Double.isFinite(train) && Double.isFinite(test))) {
            throw new IllegalArgumentException("the reference run needs a name and measured training and test "
                    + "accuracy, got " + (name == null ? "null" : "\"" + name + "\"") + ", " + train + ", " + test
                    + "; e.g. MethodTable.comparedWith(\"no cure\", 1.0, 0.80)");
        }
    }
}
