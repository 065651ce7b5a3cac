package org.dltips.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The notebook harness itself, on samples in the test resources: it passes a good notebook and catches bad ones. */
class HarnessIT {

    private static final Path SAMPLES = Path.of("src", "test", "resources", "harness");

    private static JsonObject run(String name) {
        return NotebookRunner.shared().run(SAMPLES.resolve(name), 600);
    }

    @Test
    void goodNotebookPassesWithImageAndResults() {
        JsonObject report = run("good.ipynb");
        System.out.println("harness sample good.ipynb ran in " + report.get("seconds") + " s");
        assertEquals(List.of(), NotebookReports.problems(report), () -> "report: " + report);
        assertTrue(report.get("images").getAsInt() >= 1, () -> "report: " + report);
        assertEquals(1, report.getAsJsonArray("results").size(), () -> "the results cell's application/vnd.dltips+json"
                + " (a JSON object with \"runs\") was not found in the outputs; report: " + report);
        assertEquals("tiny", report.getAsJsonArray("results").get(0).getAsJsonObject().getAsJsonArray("runs")
                .get(0).getAsJsonObject().get("name").getAsString());
    }

    @Test
    void failedCheckCellIsReported() {
        List<String> problems = NotebookReports.problems(run("failing-check.ipynb"));
        assertEquals(1, problems.size(), () -> "problems: " + problems);
        assertTrue(problems.get(0).contains("IllegalStateException")
                && problems.get(0).contains("lesson did not reproduce"), problems::toString);
    }

    @Test
    void savedRunIsInspectedOnlyWhenItIsTheNotebooksOwnCode() {
        NotebookRunner runner = NotebookRunner.shared();
        Path good = SAMPLES.resolve("good.ipynb");
        assertEquals(List.of(), NotebookReports.problems(run("good.ipynb")));
        JsonObject same = runner.inspect(good, runner.executedCopy(good), "nbclient");
        assertEquals(List.of(), NotebookReports.problems(same), () -> "report: " + same);
        assertTrue(same.get("seconds").getAsDouble() > 0, () -> "no time from the cells' dates: " + same);
        List<String> other = NotebookReports.problems(
                runner.inspect(SAMPLES.resolve("failing-check.ipynb"), runner.executedCopy(good), "nbclient"));
        assertTrue(other.stream().anyMatch(p -> p.contains("is not this notebook's code")), other::toString);
    }

    /** Only where the JupyterLab test can run (CI sets the property, and installs Chromium and Node.js). */
    @Test
    @EnabledIfSystemProperty(named = NotebookRunner.LAB_PROPERTY, matches = ".+")
    void failedCheckCellInJupyterLabIsReported() {
        JsonObject report = NotebookRunner.shared().runInLab(SAMPLES.resolve("failing-check.ipynb"), 600);
        List<String> problems = NotebookReports.problems(report);
        assertTrue(problems.stream().anyMatch(p -> p.contains("IllegalStateException")
                && p.contains("lesson did not reproduce")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("no cell shows an error")), problems::toString);
    }

    @Test
    void missingImageIsReported() {
        List<String> problems = NotebookReports.problems(run("no-image.ipynb"));
        assertEquals(List.of("no image/png output; every notebook must show at least one chart (or set notebook"
                + " metadata {\"dltips\": {\"expect_images\": false}})"), problems);
    }

    @Test
    void unfilledHomeworkThatFailsGracefullyPassesWithItsFeedbackCollected() {
        JsonObject report = run("homework-unfilled.ipynb");
        assertEquals(List.of(), NotebookReports.problems(report), () -> "report: " + report);
        assertEquals(1, report.getAsJsonArray("feedback").size(), () -> "report: " + report);
        JsonObject feedback = report.getAsJsonArray("feedback").get(0).getAsJsonObject();
        assertEquals("none", feedback.get("tier").getAsString());
        assertEquals("passed (homework tier: none)", NotebookReports.status(report));
    }

    @Test
    void unfilledHomeworkWhoseAttemptCannotBeGradedIsReported() {
        List<String> problems = NotebookReports.problems(run("homework-broken.ipynb"));
        assertEquals(1, problems.size(), () -> "problems: " + problems);
        assertTrue(problems.get(0).startsWith("unfilled homework, attempt 1 could not be graded, so its pre-filled"
                + " cells are broken: attempt 1 has no network (got null)."), problems::toString);
    }

    @Test
    void solutionBelowThePassTierIsReported() {
        List<String> problems = NotebookReports.problems(run("homework-solution-short.ipynb"));
        assertEquals(1, problems.size(), () -> "problems: " + problems);
        assertTrue(problems.get(0).startsWith("solution, attempt 1 did not reach the pass tier: test accuracy 0."),
                problems::toString);
    }
}
