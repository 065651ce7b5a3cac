package org.dltips.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CheckTest {

    private static final String ADVICE = " Run the notebook again from the top; if it fails again, compare the "
            + "settings (seed, epochs, learning rate, data size) with the notebook's text.";

    @Test
    void aPassingCheckSaysWhatHeld() {
        assertEquals("✓ cross-entropy minus MSE = 0.745 (at least 0.3)",
                Check.atLeast("cross-entropy minus MSE", 0.745, 0.3));
        assertEquals("✓ MSE train accuracy = 0.1127 (at most 0.2)", Check.atMost("MSE train accuracy", 0.1127, 0.2));
        assertEquals("✓ share = 0.11 (between 0.1 and 0.12)", Check.between("share", 0.11, 0.1, 0.12));
    }

    @Test
    void aFailureNamesTheQuantityTheValueTheBarAndTheLesson() {
        AssertionError failure = assertThrows(Check.LessonNotReproduced.class,
                () -> Check.atLeast("cross-entropy train accuracy minus MSE train accuracy", 0.05123, 0.3,
                        "cross-entropy should train the network where MSE leaves it stuck near 11%"));
        assertEquals("The lesson did not reproduce: cross-entropy train accuracy minus MSE train accuracy was "
                + "0.05123, expected at least 0.3. The lesson: cross-entropy should train the network where MSE "
                + "leaves it stuck near 11%; this run did not show it." + ADVICE, failure.getMessage());
    }

    @Test
    void aFailureWithoutAMeaningStillSaysWhatFailed() {
        AssertionError failure = assertThrows(Check.LessonNotReproduced.class,
                () -> Check.atMost("sigmoid test accuracy", 0.9, 0.2));
        assertEquals("The lesson did not reproduce: sigmoid test accuracy was 0.9, expected at most 0.2. "
                + "The effect this notebook teaches did not show up in this run." + ADVICE, failure.getMessage());
        assertThrows(Check.LessonNotReproduced.class, () -> Check.between("x", 0.5, 0.6, 0.7));
    }

    @Test
    void notMeasuredAlwaysFails() {
        AssertionError failure = assertThrows(Check.LessonNotReproduced.class,
                () -> Check.atMost("test accuracy", Double.NaN, 1));
        assertEquals("The lesson could not be checked: test accuracy was not measured (NaN), expected at most 1. "
                + "Make sure the run measured it (for test accuracy, pass the test set to fit).", failure.getMessage());
    }

    @Test
    void betweenRejectsSwappedBounds() {
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> Check.between("x", 0.5, 0.7, 0.6));
        assertEquals("between(...) needs low <= high, got low 0.7 and high 0.6; swap them", wrong.getMessage());
    }
}
