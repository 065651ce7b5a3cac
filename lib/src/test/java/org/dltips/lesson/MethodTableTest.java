package org.dltips.lesson;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The measured numbers, not the method's reputation, fill the "helps optimization / generalization" columns. */
class MethodTableTest {

    private final MethodTable table = MethodTable.comparedWith("no cure", 1.000, 0.780)
            .add("AdamW", Step.OPTIMIZATION, 0.990, 0.850)
            .add("useless", Step.LOSS, 1.000, 0.785)
            .reference("SGD", 0.800, 0.860)
            .add("Adam instead of SGD", Step.OPTIMIZATION, 1.000, 0.780);

    @Test
    void decidesEachColumnFromTheChangeAgainstItsReference() {
        MethodTable.Row adamW = table.row("AdamW");
        assertEquals("no cure", adamW.reference());
        assertEquals(-0.010, adamW.deltaTrain(), 1e-12);
        assertEquals(0.070, adamW.deltaTest(), 1e-12);
        assertFalse(adamW.helpsOptimization());
        assertTrue(adamW.helpsGeneralization());

        MethodTable.Row useless = table.row("useless");
        assertFalse(useless.helpsOptimization());
        assertFalse(useless.helpsGeneralization(), "half a point is below the one-point margin");

        MethodTable.Row adam = table.row("Adam instead of SGD");
        assertEquals("SGD", adam.reference());
        assertTrue(adam.helpsOptimization());
        assertFalse(adam.helpsGeneralization());
    }

    @Test
    void aSmallerMarginRedecidesEveryRow() {
        MethodTable fine = table.margin(0.004);
        assertTrue(fine.row("useless").helpsGeneralization());
        assertEquals(0.005, fine.row("useless").deltaTest(), 1e-12);
        assertEquals("SGD", fine.row("Adam instead of SGD").reference());
        assertFalse(table.row("useless").helpsGeneralization(), "the original table is unchanged");
    }

    @Test
    void showsStepDeltasAndVerdictsInHtmlAndText() {
        String html = table.mimeBundle().get("text/html");
        assertTrue(html.contains("<td style=\"text-align:left\">AdamW</td><td style=\"text-align:left\">3. the optimization"
                + "</td><td style=\"text-align:left\">no cure</td><td>0.990</td><td>0.850</td><td>−0.010</td>"
                + "<td>+0.070</td><td>no</td><td><b>yes</b></td>"), html);
        assertTrue(html.contains("at least 0.01 more accuracy"), html);
        String text = table.mimeBundle().get("text/plain");
        assertTrue(text.lines().anyMatch(l -> l.startsWith("useless") && l.contains("1. the loss")
                && l.contains("+0.005") && l.endsWith("no")), text);
    }

    @Test
    void explainsMisuse() {
        assertEquals("the reference run needs a name and measured training and test accuracy, got \"x\", NaN, 0.5; "
                        + "e.g. MethodTable.comparedWith(\"no cure\", 1.0, 0.80)",
                assertThrows(IllegalArgumentException.class,
                        () -> MethodTable.comparedWith("x", Double.NaN, 0.5)).getMessage());
        assertEquals("\"AdamW\" is already in the table; give each method its own name",
                assertThrows(IllegalArgumentException.class,
                        () -> table.add("AdamW", Step.LOSS, 1, 1)).getMessage());
        assertEquals("\"L2\" got training accuracy 1.0 and test accuracy NaN; both must be measured (pass the test set to fit)",
                assertThrows(IllegalArgumentException.class,
                        () -> table.add("L2", Step.LOSS, 1, Double.NaN)).getMessage());
        assertEquals("margin got 0.0; expected an accuracy change between 0 and 1, e.g. margin(0.01) for one point",
                assertThrows(IllegalArgumentException.class, () -> table.margin(0)).getMessage());
        assertEquals("no method \"dropout\" in the table; the methods are [AdamW, useless, Adam instead of SGD]",
                assertThrows(IllegalArgumentException.class, () -> table.row("dropout")).getMessage());
    }
}
