package org.dltips.notebooks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Executes every numbered notebook at the top of {@code notebooks/}, then every notebook in
 * {@code notebooks/solutions/}, through the installed kernel with nbclient (or in JupyterLab, those that
 * {@code -Ddltips.lab.notebooks=REGEX} names: see {@link NotebookRunner}); fails on any error output (a failed
 * check cell throws), on a missing chart, on a homework that did not do its part ({@link HomeworkChecks}: the
 * unfilled homework must fail gracefully, its solution must reach the pass tier), when the notebooks of the live
 * demo (00 to 06) take over 30 minutes, or when the whole set takes over 60. Each notebook's time goes to the
 * console and to {@code target/notebook-summary.md}.
 */
class NotebooksIT {

    static final long BUDGET_SECONDS = 60 * 60;
    static final long DEMO_BUDGET_SECONDS = 30 * 60;
    static final String DEMO = "0[0-6]-.*";
    private static final NotebookReports REPORTS = new NotebookReports();

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsClean() throws IOException {
        Path dir = Path.of(System.getProperty("dltips.notebooks.dir", "."));
        List<Path> notebooks = new ArrayList<>(notebooks(dir, "\\d+.*\\.ipynb"));
        notebooks.addAll(notebooks(dir.resolve("solutions"), ".*\\.ipynb"));
        System.out.println(notebooks.size() + " notebooks in " + dir.toAbsolutePath().normalize());
        REPORTS.limit(EpochLimit.measure(NotebookRunner.jar())); // before any notebook, on the quiet machine
        long start = System.nanoTime();
        Stream<DynamicTest> each = notebooks.stream().map(notebook -> DynamicTest.dynamicTest(
                notebook.getFileName().toString(), () -> {
                    long left = BUDGET_SECONDS - (System.nanoTime() - start) / 1_000_000_000L;
                    assertTrue(left > 0, "no time left in the 60-minute budget for " + notebook.getFileName());
                    JsonObject report = NotebookRunner.shared().run(notebook, left);
                    REPORTS.add(report);
                    List<String> problems = NotebookReports.problems(report);
                    assertTrue(problems.isEmpty(), () -> notebook.getFileName() + ":\n  "
                            + String.join("\n  ", problems));
                }));
        DynamicTest demo = DynamicTest.dynamicTest("the live demo's notebooks (00 to 06) run within 30 minutes", () -> {
            double seconds = REPORTS.secondsOf(DEMO + "\\.ipynb");
            assertTrue(seconds <= DEMO_BUDGET_SECONDS, () -> String.format(
                    "notebooks 00 to 06 took %.0f s; the budget is %d s", seconds, DEMO_BUDGET_SECONDS));
        });
        DynamicTest budget = DynamicTest.dynamicTest("the whole set runs within 60 minutes", () -> {
            double total = REPORTS.totalSeconds();
            assertTrue(total <= BUDGET_SECONDS, () -> String.format("the notebooks took %.0f s; the budget is %d s",
                    total, BUDGET_SECONDS));
        });
        return Stream.concat(each, Stream.of(demo, budget));
    }

    /** The notebooks in {@code dir} whose file name matches {@code pattern}, sorted; none when there is no dir. */
    static List<Path> notebooks(Path dir, String pattern) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches(pattern)).sorted().toList();
        }
    }

    @AfterAll
    static void writeSummary() {
        REPORTS.write(Path.of("target"));
    }
}
