package org.dltips.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Soak test, opt-in because it runs every notebook three times (about three times the 10-15 minutes of the set):
 * each numbered notebook runs {@value #PASSES} times (by default) in ONE kernel, and the kernel must not keep
 * growing in memory (ND4J's off-heap included) or in threads; see {@link SoakReports} for the limits. The numbers
 * of every pass go to the console and to {@code target/soak-summary.md}.
 *
 * <pre>
 * ./dltips test -pl notebooks -am -Ddltips.soak=true -Dit.test=NotebookSoakIT -Dtest=SoakReportsTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Ddltips.soak.notebooks=00-the-recipe.ipynb,05-adam.ipynb]
 * </pre>
 * {@code -Dtest=SoakReportsTest} keeps the library's and kernel's unit tests from running first (naming this class
 * there would run it twice: once by Surefire, once by Failsafe); {@code -Ddltips.soak.passes=N} changes the number
 * of passes (3, at least 2) and {@code -Ddltips.soak.minutes=N} the time allowed per notebook (45 minutes).
 */
@EnabledIfSystemProperty(named = "dltips.soak", matches = "true", disabledReason = "the soak test runs every notebook"
        + " three times in one kernel (about 45 minutes); run it with -Ddltips.soak=true -Dit.test=NotebookSoakIT")
class NotebookSoakIT {

    static final int PASSES = 3;
    private static final int PASSES_CHOSEN = Math.max(2, Integer.getInteger("dltips.soak.passes", PASSES));
    private static final SoakReports REPORTS = new SoakReports();

    @TestFactory
    Stream<DynamicTest> everyNotebookStaysBoundedOverRepeatedRuns() throws IOException {
        List<Path> notebooks = selected(Path.of(System.getProperty("dltips.notebooks.dir", ".")),
                System.getProperty("dltips.soak.notebooks", ""));
        long seconds = 60L * Long.getLong("dltips.soak.minutes", 45L);
        System.out.println("soak: " + notebooks.size() + " notebooks, " + PASSES_CHOSEN + " passes each in one kernel");
        return notebooks.stream().map(notebook -> DynamicTest.dynamicTest(notebook.getFileName().toString(), () -> {
            JsonObject report = NotebookRunner.shared().soak(notebook, PASSES_CHOSEN, seconds);
            REPORTS.add(report);
            List<String> problems = SoakReports.problems(report);
            assertTrue(problems.isEmpty(), () -> notebook.getFileName() + ":\n  " + String.join("\n  ", problems));
        }));
    }

    /** The numbered notebooks in {@code dir}, or only those named in the comma-separated {@code names}. */
    static List<Path> selected(Path dir, String names) throws IOException {
        List<Path> all;
        try (Stream<Path> files = Files.list(dir)) {
            all = files.filter(p -> p.getFileName().toString().matches("\\d+.*\\.ipynb")).sorted().toList();
        }
        if (names.isBlank()) {
            return all;
        }
        List<Path> chosen = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : Arrays.stream(names.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList()) {
            all.stream().filter(p -> p.getFileName().toString().equals(name)).findFirst()
                    .ifPresentOrElse(chosen::add, () -> unknown.add(name));
        }
        assertEquals(List.of(), unknown, () -> "-Ddltips.soak.notebooks names notebooks that are not in " + dir
                + "; expected a comma-separated list from " + all.stream().map(p -> p.getFileName().toString())
                .toList());
        return chosen;
    }

    @AfterAll
    static void writeSummary() {
        REPORTS.write(Path.of("target"));
    }
}
