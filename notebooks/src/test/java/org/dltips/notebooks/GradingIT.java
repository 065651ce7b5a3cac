package org.dltips.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code ./dltips grade}'s engine (grading/grade.py) on a generated class of 22 submissions: honest attempts, the
 * course's solution, and every broken kind, each of which must get its own row with the reason while the others are
 * graded; the accuracy that counts is the grader's, and no submission changes.
 */
class GradingIT {

    private static final Path ROOT = Path.of("target", "grading").toAbsolutePath();

    @Test
    void aClassIsGradedWithEveryBrokenSubmissionInItsOwnRowAndTheAccuracyRecomputed() throws IOException {
        NotebookRunner runner = NotebookRunner.shared();
        delete(ROOT);
        Path submissions = ROOT.resolve("submissions");
        Path out = ROOT.resolve("gradebook");
        String kinds = runner.python(List.of("src/test/python/make_class.py", submissions.toString(),
                "--assignment", "13-homework.ipynb", "--solution", "solutions/13-homework-solution.ipynb",
                "--out", out.toString()), 120);
        assertTrue(kinds.contains("broken: reads the answer key"), kinds);
        Map<Path, String> before = hashes(submissions);
        long t0 = System.nanoTime();
        String log = runner.python(List.of("grading/grade.py", submissions.toString(), "--out", out.toString(),
                "--jar", NotebookRunner.jar().toString(), "--jobs", "2", "--timeout", "600", "--cell-timeout", "180",
                "--memory-mib", "2048"), 2400);
        System.out.printf("graded 22 submissions in %.0f s:%n%s%n", (System.nanoTime() - t0) / 1e9, log);

        Map<String, JsonObject> rows = new LinkedHashMap<>();
        for (JsonElement row : JsonParser.parseString(Files.readString(out.resolve("gradebook.json"))).getAsJsonArray()) {
            rows.put(row.getAsJsonObject().get("student").getAsString(), row.getAsJsonObject());
        }
        assertEquals(22, rows.size(), rows::toString);
        assertEquals(before, hashes(submissions), "grading changed or removed a submission");

        JsonObject solution = rows.get("kai");
        assertEquals("boss", text(solution, "tier"), solution::toString);
        assertTrue(number(solution, "test_accuracy") >= 0.70, solution::toString);
        JsonObject failing = rows.get("ada");
        assertEquals("none", text(failing, "tier"), failing::toString);
        assertTrue(number(rows.get("chen"), "test_accuracy") > number(failing, "test_accuracy") + 0.2,
                () -> "ReLU, cross-entropy and Adam should beat the failing network: " + rows.get("chen") + failing);
        for (String honest : List.of("ada", "ben", "chen", "dana", "eli", "fay", "gus", "hana", "ivo", "jun", "kai")) {
            assertEquals("graded", text(rows.get(honest), "status"), () -> honest + ": " + rows.get(honest));
            assertTrue(Files.isRegularFile(out.resolve(text(rows.get(honest), "executed"))), honest);
        }

        JsonObject forged = rows.get("quin");
        assertTrue(number(forged, "test_accuracy") < 0.3 && text(forged, "tier").equals("none"), forged::toString);
        assertTrue(Files.readString(out.resolve(text(forged, "executed"))).contains("test accuracy 0.99"),
                "the forged notebook printed its claim, which the grader ignored");

        assertProblem(rows, "lea", "did not finish within the cell limit of 180 s and was stopped");
        assertEquals("graded, with problems", text(rows.get("lea"), "status"), "attempt 2 is graded after the stop");
        assertProblem(rows, "max", "System.exit");
        assertProblem(rows, "nia", "printed more than the kernel shows");
        assertProblem(rows, "omar", "Read-only file system");
        assertProblem(rows, "pia", "NoSuchFileException");
        assertTrue(text(rows.get("rui"), "problems").contains("OutOfMemoryError")
                || text(rows.get("rui"), "problems").contains("memory limit"), rows.get("rui")::toString);
        assertProblem(rows, "sol", "no variable net1 holding the network of attempt 1");
        assertProblem(rows, "tom", "softmax");
        assertProblem(rows, "uma", "not a readable notebook");
        assertProblem(rows, "vic", "no 13-homework.ipynb in the submission");

        String seed = JsonParser.parseString(Files.readString(out.resolve("grading-key.json"))).getAsJsonObject()
                .get("held_out_noise_seed").getAsString();
        try (Stream<Path> executed = Files.list(out.resolve("executed"))) {
            for (Path copy : executed.toList()) {
                assertFalse(Files.readString(copy).contains(seed), () -> copy + " shows the held-out seed");
            }
        }
        String csv = Files.readString(out.resolve("gradebook.csv"));
        assertTrue(csv.startsWith("student,status,tier,train_accuracy,test_accuracy,diagnosis,best_attempt,seconds,"
                + "problems,executed"), csv);
        rows.keySet().forEach(student -> assertTrue(csv.contains("\n" + student + ","), student));
        String html = Files.readString(out.resolve("gradebook.html"));
        assertEquals(23, html.split("<tr>", -1).length - 1, "a header and one row per student");
        assertTrue(html.contains("<a href=\"executed/kai.ipynb\">"), html);

        // One job per student, as a cluster's scheduler would run them: graders started apart, sharing one output
        // folder, fill one gradebook with one key; --collect writes it again from the rows without running anything.
        Path shared = ROOT.resolve("cluster");
        for (String student : List.of("vic", "uma")) {
            runner.python(List.of("grading/grade.py", submissions.toString(), "--out", shared.toString(), "--jar",
                    NotebookRunner.jar().toString(), "--student", student, "--jobs", "1"), 600);
        }
        Files.delete(shared.resolve("gradebook.json"));
        String collected = runner.python(List.of("grading/grade.py", submissions.toString(), "--out",
                shared.toString(), "--collect"), 120);
        assertTrue(collected.contains("2 rows"), collected);
        JsonArray clusterRows = JsonParser.parseString(Files.readString(shared.resolve("gradebook.json")))
                .getAsJsonArray();
        assertEquals(2, clusterRows.size(), clusterRows::toString);
        assertEquals("uma", text(clusterRows.get(0).getAsJsonObject(), "student"), clusterRows::toString);
        assertTrue(text(clusterRows.get(1).getAsJsonObject(), "problems").contains("no 13-homework.ipynb"),
                clusterRows::toString);
        assertEquals(before, hashes(submissions), "grading changed or removed a submission");
    }

    private static void assertProblem(Map<String, JsonObject> rows, String student, String expected) {
        JsonObject row = rows.get(student);
        assertTrue(text(row, "problems").contains(expected), () -> student + " should say \"" + expected + "\": " + row);
    }

    private static String text(JsonObject row, String column) {
        return row.get(column).getAsString();
    }

    private static double number(JsonObject row, String column) {
        String value = text(row, column);
        return value.isEmpty() ? Double.NaN : Double.parseDouble(value);
    }

    private static Map<Path, String> hashes(Path root) throws IOException {
        Map<Path, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                hashes.put(root.relativize(file), HexFormat.of().formatHex(sha256(Files.readAllBytes(file))));
            }
        }
        return hashes;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
