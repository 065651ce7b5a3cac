package org.dltips.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The soak harness itself, on tiny samples (runs by default, unlike {@link NotebookSoakIT}): it passes a notebook
 * that keeps nothing, and catches one that keeps ND4J memory from every run and one that leaves a thread running.
 */
class SoakHarnessIT {

    private static final Path SAMPLES = Path.of("src", "test", "resources", "harness");

    private static JsonObject soak(String name) {
        JsonObject report = NotebookRunner.shared().soak(SAMPLES.resolve(name), NotebookSoakIT.PASSES, 600);
        System.out.println(SoakReports.table(List.of(report)));
        return report;
    }

    @Test
    void notebookThatKeepsNothingPasses() {
        JsonObject report = soak("good.ipynb");
        assertEquals(List.of(), SoakReports.problems(report), () -> "report: " + report);
        assertEquals(NotebookSoakIT.PASSES + 1, report.getAsJsonArray("passes").size());
    }

    @Test
    void memoryKeptFromEveryPassIsCaught() {
        List<String> problems = SoakReports.problems(soak("soak-leaky-memory.ipynb"));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("resident memory grew from pass 2 to pass 3 by ")),
                problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.matches("the off-heap memory tracked by JavaCPP \\(ND4J\\) grew"
                + " from pass 2 to pass 3 by 28[67] MiB .*")), problems::toString);
    }

    @Test
    void threadLeftRunningIsCaught() {
        List<String> problems = SoakReports.problems(soak("soak-leftover-thread.ipynb"));
        assertTrue(problems.contains("non-daemon threads started by the cells are still alive after pass 1:"
                + " [sample-trainer (TIMED_WAITING)]; stop (or join) them before the cell ends"), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("the JVM has 2 more threads after pass 3 than after"
                + " pass 1 (") && p.endsWith("by name (digits as #): {sample-trainer=2}")), problems::toString);
    }
}
