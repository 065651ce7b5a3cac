package org.dltips.kernel.magic;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dltips.kernel.execution.CellEvaluator;
import org.dltips.kernel.execution.CellFailure;
import org.dltips.kernel.execution.CellResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagicsUnitTest {

    private static CellEvaluator evaluator;
    private static final List<DisplayData> shown = new ArrayList<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        evaluator = new CellEvaluator(MagicsUnitTest.class.getClassLoader(), List.of("import java.util.*;"));
        evaluator.runner(new Magics(shown::add));
        evaluator.awaitReady();
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    /** Runs a cell and returns what it printed; the value goes to {@code result[0]}. */
    private static String printed(String cell, CellResult[] result) throws CellFailure {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            result[0] = evaluator.eval(cell, 1);
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void lsmagicListsEveryMagic() throws CellFailure {
        String out = printed("%lsmagic", new CellResult[1]);
        for (String name : List.of("%lsmagic", "%time", "%%time", "%maven", "%jars", "%classpath", "%load",
                "%%html", "%%markdown")) {
            assertTrue(out.contains(name + " ") || out.contains(name + "\n"), name + " missing from:\n" + out);
        }
    }

    @Test
    void timeShowsTheValueAndPrintsWallAndCpuTime() throws CellFailure {
        CellResult[] r = new CellResult[1];
        String out = printed("int base = 40;\n%time base + 2", r);
        assertEquals(42, r[0].value());
        assertTrue(out.matches("(?s)CPU times: user [0-9.]+ \\S+, sys [0-9.]+ \\S+, total [0-9.]+ \\S+\n"
                + "Wall time: [0-9.]+ \\S+\n"), out);
    }

    @Test
    void cellTimeRunsTheWholeCellAndMeasuresIt() throws CellFailure {
        CellResult[] r = new CellResult[1];
        String out = printed("%%time\nThread.sleep(300);\nint slept = 3;\nslept * 100", r);
        assertEquals(300, r[0].value());
        String wall = out.lines().filter(l -> l.startsWith("Wall time: ")).findFirst().orElseThrow();
        assertTrue(wall.endsWith(" ms") && Double.parseDouble(wall.split(" ")[2]) >= 300, out);
    }

    @Test
    void timeStillPrintsWhenTheCodeFailsAndTheErrorNamesTheCellLine() {
        CellFailure f = assertThrows(CellFailure.class, () -> printed("int a = 1;\n%time a / 0", new CellResult[1]));
        assertEquals("ArithmeticException", f.name());
        assertTrue(String.join("\n", f.traceback()).contains("line 2"), String.join("\n", f.traceback()));
    }

    @Test
    void durationsReadLikeIpythons() {
        assertEquals("0 ns", TimeMagic.format(0));
        assertEquals("512 ns", TimeMagic.format(512));
        assertEquals("1.50 ms", TimeMagic.format(1_500_000));
        assertEquals("12.3 s", TimeMagic.format(12_340_000_000L));
        assertEquals("2 min 5 s", TimeMagic.format(125_000_000_000L));
    }

    @Test
    void moduloAndFormatStringsStillRunAsJava() throws CellFailure {
        CellResult[] r = new CellResult[1];
        printed("int m = 17\n% 5;\nString s = String.format(\"%d%%\", m);\ns + \"\"\"\n%time\n\"\"\".strip()", r);
        assertEquals("2%%time", r[0].value());
    }

    @Test
    void unknownMagicsSayWhichExist() {
        CellFailure f = assertThrows(CellFailure.class, () -> evaluator.eval("%tiem 1", 1));
        assertEquals("MagicError", f.name());
        assertTrue(f.getMessage().contains("%tiem on line 1 is not a magic") && f.getMessage().contains("%time"),
                f.getMessage());
        CellFailure late = assertThrows(CellFailure.class, () -> evaluator.eval("int y = 1;\n%%time", 1));
        assertTrue(late.getMessage().contains("must be the first line"), late.getMessage());
    }

    @Test
    void htmlAndMarkdownCellsAreShownAsSuch() throws CellFailure {
        shown.clear();
        evaluator.eval("%%html\n<b>bold</b>", 1);
        evaluator.eval("%%markdown\n# Title", 1);
        assertEquals("<b>bold</b>", shown.get(0).getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType
                .parse("text/html")));
        assertEquals("# Title", shown.get(1).getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType
                .parse("text/markdown")));
    }

    @Test
    void loadRunsAFileAsACell() throws Exception {
        Path file = Files.writeString(dir.resolve("helpers.jshell"), "int twice(int x) { return 2 * x; }\n"
                + "int loaded = twice(21);\n");
        evaluator.eval("%load " + file, 1);
        assertEquals(42, evaluator.eval("loaded", 2).value());
        CellFailure missing = assertThrows(CellFailure.class, () -> evaluator.eval("%load no-such.jshell", 1));
        assertTrue(missing.getMessage().contains("could not read") && missing.getMessage().contains("no-such"),
                missing.getMessage());
        Path command = Files.writeString(dir.resolve("commands.jshell"), "/open other.jsh\nint z = 1;\n");
        CellFailure jshell = assertThrows(CellFailure.class, () -> evaluator.eval("%load " + command, 1));
        assertTrue(jshell.getMessage().contains("line 1") && jshell.getMessage().contains("/open"),
                jshell.getMessage());
    }

    @Test
    void jarsAddsAJarWhoseClassesCellsThenUse() throws Exception {
        Path jar = FolderRepository.greeterJar(dir.resolve("jars"), "Greeter", "hello");
        CellFailure typo = assertThrows(CellFailure.class, () -> evaluator.eval("%jars " + dir.resolve("nope/*.jar"), 1));
        assertTrue(typo.getMessage().contains("found no jar") && typo.getMessage().contains("nothing was added"),
                typo.getMessage());
        String out = printed("%jars " + jar.getParent() + "/*.jar", new CellResult[1]);
        assertTrue(out.contains("Added 1 entry"), out);
        assertEquals("hello", evaluator.eval("demo.Greeter.word()", 1).value());
        String listed = printed("%classpath", new CellResult[1]);
        assertTrue(listed.lines().anyMatch(l -> l.equals(jar.toString())), listed);
        assertTrue(printed("%jars " + jar, new CellResult[1]).contains("already on it"));
    }

    @Test
    void classpathAddsAClassFolder() throws Exception {
        Path jar = FolderRepository.greeterJar(dir.resolve("folder-src"), "Folded", "folded");
        Path classes = Files.createDirectories(dir.resolve("classes/demo"));
        try (var fs = java.nio.file.FileSystems.newFileSystem(jar)) {
            Files.copy(fs.getPath("demo/Folded.class"), classes.resolve("Folded.class"));
        }
        printed("%classpath \"" + classes.getParent() + "\"", new CellResult[1]);
        assertEquals("folded", evaluator.eval("demo.Folded.word()", 1).value());
    }
}
