package org.dltips.lesson;

import org.dltips.lesson.internal.Text;

/**
 * The check every notebook ends with: did the lesson really happen in this run? A passing check returns a
 * one-line confirmation (the cell shows it); a failing one throws {@link LessonNotReproduced} with a message
 * naming the quantity, its value, the bar, and what the failure means. Introduced in the first notebook.
 *
 * <pre>{@code
 * Check.atLeast("cross-entropy train accuracy minus MSE train accuracy",
 *         results.get("cross-entropy").trainAccuracy() - results.get("MSE").trainAccuracy(), 0.3,
 *         "cross-entropy should train the network where MSE leaves it stuck near 11%")
 * }</pre>
 *
 * <p>A value that was not measured (NaN) always fails. A failure reads, for the example above: "The lesson did not
 * reproduce: cross-entropy train accuracy minus MSE train accuracy was 0.05, expected at least 0.3. The lesson:
 * cross-entropy should train the network where MSE leaves it stuck near 11%; this run did not show it. Run the
 * notebook again from the top; ..."
 */
public final class Check {

    private static final String GENERIC_MEANING = null;
    private static final String ADVICE = " Run the notebook again from the top; if it fails again, compare the "
            + "settings (seed, epochs, learning rate, data size) with the notebook's text.";

    private Check() {
    }

    /** Passes when {@code value >= bar}. {@code Check.atLeast("ReLU test accuracy", 0.956, 0.9)} */
    public static String atLeast(String quantity, double value, double bar) {
        return atLeast(quantity, value, bar, GENERIC_MEANING);
    }

    /** Passes when {@code value >= bar}; {@code meaning} says what a failure means for the lesson. */
    public static String atLeast(String quantity, double value, double bar, String meaning) {
        return check(quantity, value, value >= bar, "at least " + Text.number(bar), meaning);
    }

    /** Passes when {@code value <= bar}. {@code Check.atMost("sigmoid MSE train accuracy", 0.113, 0.2)} */
    public static String atMost(String quantity, double value, double bar) {
        return atMost(quantity, value, bar, GENERIC_MEANING);
    }

    /** Passes when {@code value <= bar}; {@code meaning} says what a failure means for the lesson. */
    public static String atMost(String quantity, double value, double bar, String meaning) {
        return check(quantity, value, value <= bar, "at most " + Text.number(bar), meaning);
    }

    /** Passes when {@code low <= value <= high}. {@code Check.between("share of digit 1", 0.1127, 0.10, 0.12)} */
    public static String between(String quantity, double value, double low, double high) {
        return between(quantity, value, low, high, GENERIC_MEANING);
    }

    /** Passes when {@code low <= value <= high}; {@code meaning} says what a failure means for the lesson. */
    public static String between(String quantity, double value, double low, double high, String meaning) {
        if (!(low <= high)) {
            throw new IllegalArgumentException("between(...) needs low <= high, got low " + low + " and high " + high
                    + "; swap them");
        }
        return check(quantity, value, value >= low && value <= high,
                "between " + Text.number(low) + " and " + Text.number(high), meaning);
    }

    private static String check(String quantity, double value, boolean holds, String expected, String meaning) {
        if (Double.isNaN(value)) {
            throw new LessonNotReproduced("The lesson could not be checked: " + quantity
                    + " was not measured (NaN), expected " + expected + ". Make sure the run measured it "
                    + "(for test accuracy, pass the test set to fit).");
        }
        if (!holds) {
            String lesson = meaning == null ? " The effect this notebook teaches did not show up in this run."
                    : " The lesson: " + meaning + "; this run did not show it.";
            throw new LessonNotReproduced("The lesson did not reproduce: " + quantity + " was " + Text.number(value)
                    + ", expected " + expected + "." + lesson + ADVICE);
        }
        return "✓ " + quantity + " = " + Text.number(value) + " (" + expected + ")";
    }

    /** Thrown when a notebook's lesson did not show up in the numbers of this run. */
    public static final class LessonNotReproduced extends AssertionError {
        private static final long serialVersionUID = 1L;

        LessonNotReproduced(String message) {
            super(message);
        }
    }
}
