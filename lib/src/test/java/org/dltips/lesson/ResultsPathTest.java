package org.dltips.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dltips.playground.Optimizers;
import org.dltips.playground.Playground;
import org.dltips.playground.Surface;
import org.dltips.playground.Trajectory;
import org.junit.jupiter.api.Test;

/** Optimizer-playground runs in a results table: where each path ended instead of accuracies. */
class ResultsPathTest {

    /** Two steps of gradient descent 0.25 on the bowl from (2, 0): x goes 2 → 1 → 0.5, f = 0.25. */
    private static Trajectory halving() {
        return Playground.run(Surface.bowl(), Optimizers.gradientDescent(0.25), 2, 0, 2);
    }

    @Test
    void aPathRowKeepsWhereThePathEnded() {
        Results.PathRow row = Results.of("07.ipynb").add("GD", halving()).path("GD");
        assertEquals(new Results.PathRow("GD", "bowl", 2, 0.25, 0.5, false), row);
    }

    @Test
    void jsonOfAPlaygroundRunHasLossDistanceStepsAndDivergence() {
        Trajectory diverged = Playground.run(Surface.elongatedBowl(), Optimizers.gradientDescent(0.2), 100);
        String json = Results.of("07.ipynb").add("halving", halving()).add("too big", diverged).toJson();
        assertEquals("{\"notebook\": \"07.ipynb\", \"runs\": ["
                + "{\"name\": \"halving\", \"surface\": \"bowl\", \"steps\": 2, \"final_loss\": 0.25, "
                + "\"distance_to_minimum\": 0.5, \"diverged\": false}, "
                + "{\"name\": \"too big\", \"surface\": \"elongated bowl\", \"steps\": " + diverged.steps()
                + ", \"final_loss\": " + diverged.finalValue() + ", \"distance_to_minimum\": "
                + diverged.distanceToMinimum() + ", \"diverged\": true}]}", json);
    }

    @Test
    void trainingRunsComeFirstInJsonAndEachKindGetsItsOwnTable() {
        Results results = Results.of("n.ipynb").add("Adam on <banana>", halving()).add("ReLU", 0.998, 0.956, 2.0);
        assertTrue(results.toJson().indexOf("\"ReLU\"") < results.toJson().indexOf("\"Adam on <banana>\""),
                results.toJson());
        String html = results.toHtml();
        assertTrue(html.contains("<caption>Results of n.ipynb</caption>"), html);
        assertTrue(html.contains("<caption>Optimizer runs of n.ipynb</caption>"), html);
        assertTrue(html.contains("<td style=\"text-align:left\">Adam on &lt;banana&gt;</td>"
                + "<td style=\"text-align:left\">bowl</td><td>2</td><td>0.250</td><td>0.500</td><td>no</td>"), html);
        String text = results.toString();
        assertTrue(text.startsWith("Results of n.ipynb\n"), text);
        assertTrue(text.contains("\n\nOptimizer runs of n.ipynb\n"), text);
    }

    @Test
    void aTableOfOnlyPlaygroundRunsShowsNoAccuracyColumns() {
        Trajectory tiny = Playground.run(Surface.rastrigin(), Optimizers.momentum(0.005, 0.99), 2000);
        Results results = Results.of("n.ipynb").add("momentum", tiny);
        assertFalse(results.toHtml().contains("train accuracy"), results.toHtml());
        assertEquals("Optimizer runs of n.ipynb\n"
                + "run       surface    steps  final loss f  distance to the minimum  diverged\n"
                + String.format(java.util.Locale.ROOT, "momentum  Rastrigin   2000  %12.3g  %23.3g        no",
                tiny.finalValue(), tiny.distanceToMinimum()), results.toString());
    }

    @Test
    void reAddingANameReplacesTheRowWhateverItsKind() {
        Results results = Results.of("n.ipynb").add("a", 0.5, 0.5, 1).add("b", halving()).add("a", halving());
        assertEquals(List.of(), results.rows());
        assertEquals(List.of("b", "a"), results.paths().stream().map(Results.PathRow::name).toList());
        results.add("b", 0.9, 0.8, 1);
        assertEquals(List.of("a"), results.paths().stream().map(Results.PathRow::name).toList());
        assertEquals(0.9, results.get("b").trainAccuracy());
    }

    @Test
    void errorsNameTheRunAndTheWayToReadIt() {
        Results results = Results.of("n.ipynb").add("GD", halving());
        IllegalArgumentException wrongKind = assertThrows(IllegalArgumentException.class, () -> results.get("GD"));
        assertEquals("run \"GD\" is a playground run and has no accuracies; read it with results.path(\"GD\")",
                wrongKind.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> results.path("Adam"));
        assertEquals("no playground run named \"Adam\" in the results; the runs are [GD]; add it first with "
                + "results.add(name, trajectory)", missing.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> results.add("Adam", (Trajectory) null));
        assertTrue(none.getMessage().startsWith("run \"Adam\" has no path (got null)"), none.getMessage());
    }
}
