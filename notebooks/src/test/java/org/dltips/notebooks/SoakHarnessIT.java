package org.dltips.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The soak harness itself, on tiny samples (runs by default, unlike {@link NotebookSoakIT}): it passes a notebook
 * that keeps nothing, and catches one that keeps ND4J memory from every run and one that leaves threads running.
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
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("resident memory outside the Java heap grew from pass 2 to pass 3 by "),
                problems::toString);
    }

    @Test
    void threadsLeftRunningAreCaught() {
        List<String> problems = SoakReports.problems(soak("soak-leftover-thread.ipynb"));
        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.get(0).matches("the JVM has 4 more threads after pass 3 than after pass 1 \\(\\d+ ->"
                + " \\d+\\); at most 1 more expected. Grown, by name \\(digits as #\\):"
                + " \\{pool-#-thread-#=2, sample-listener=2}"), problems::toString);
        assertTrue(problems.get(1).matches("non-daemon threads started by the cells are still alive after pass 1:"
                + " \\[pool-\\d+-thread-1 \\(TIMED_WAITING\\)]; stop them .*"), problems::toString);
        assertEquals("threads started by the cells are still running (RUNNABLE) after pass 1: [sample-listener"
                + " (RUNNABLE)]; a cell's work should be finished when the cell ends", problems.get(2));
    }
}
