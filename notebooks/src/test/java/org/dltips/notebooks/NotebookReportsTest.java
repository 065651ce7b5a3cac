package org.dltips.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notebook verdict on made-up reports: the memory bar fires just past 1 GiB, and not without a reading. */
class NotebookReportsTest {

    private static JsonObject report(Double peakMib) {
        JsonObject report = new JsonObject();
        report.addProperty("notebook", "/tmp/04-normalization.ipynb");
        report.addProperty("seconds", 20.0);
        report.add("errors", new JsonArray());
        report.addProperty("images", 4);
        report.addProperty("expect_images", true);
        report.add("slowest_cells", new JsonArray());
        report.add("homework", JsonNull.INSTANCE);
        report.add("feedback", new JsonArray());
        report.addProperty("exit", 0);
        if (peakMib == null) {
            report.add("peak_memory_mib", JsonNull.INSTANCE);
        } else {
            report.addProperty("peak_memory_mib", peakMib);
        }
        return report;
    }

    @Test
    void aKernelPastOneGibFailsTheNotebook() {
        assertEquals(List.of(), NotebookReports.problems(report(1024.0)));
        assertEquals(List.of("the kernel's resident memory peaked at 1025 MiB; a notebook's kernel must stay under"
                + " 1024 MiB (1 GiB), so that a class of students fits on one machine"),
                NotebookReports.problems(report(1025.4)));
    }

    @Test
    void theSummaryStatesTheDemoInLectureEpochLimits(@TempDir Path dir) throws IOException {
        NotebookReports reports = new NotebookReports();
        reports.limit(0.2);
        JsonObject first = report(600.0);
        first.addProperty("notebook", "/tmp/01-mse-vs-cross-entropy.ipynb");
        JsonObject cell = new JsonObject();
        cell.addProperty("seconds", 12.0);
        first.getAsJsonArray("slowest_cells").add(cell);
        reports.add(first);
        JsonObject later = report(600.0);
        later.addProperty("notebook", "/tmp/11-deep-networks-made-trainable.ipynb");
        reports.add(later);
        reports.write(dir);
        String md = Files.readString(dir.resolve("notebook-summary.md"));
        assertTrue(md.contains("| 01-mse-vs-cross-entropy.ipynb | nbclient | 20.0 | 4 | passed | 12.0 | 600 | 100 | 60 |"), md);
        assertTrue(md.contains("the live demo (00 to 06) 100 (bar 800), its slowest cell 60 (bar 75), notebook 01's"
                + " slowest cell, a 20-epoch lecture run, 60 (bar 30)"), md);
    }

    @Test
    void aRunWithoutAReadingIsJudgedOnTheRest() {
        assertEquals(List.of(), NotebookReports.problems(report(null)));
        JsonObject old = report(null);
        old.remove("peak_memory_mib");
        assertTrue(NotebookReports.problems(old).isEmpty());
        assertTrue(Double.isNaN(NotebookReports.peakMemory(old)));
    }
}
