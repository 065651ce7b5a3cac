package org.dltips.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JitChoiceUnitTest {

    @TempDir
    Path dir;

    @Test
    void bothCompilersEverywhereWhereAStartWithThemFitsTheBudget() {
        JitChoice fast = JitChoice.decide(0.9, 1.0, 1.4);
        assertEquals(JitChoice.Mode.EVERYWHERE, fast.mode());
        assertEquals(List.of(), fast.flags(dir));
    }

    @Test
    void c2ForTheNotebookCodeWhenItFitsTheBudgetOrCostsLittleMoreThanC1Alone() {
        // a 2-core AMD EPYC, 2026-12-07: 1.75 s, 1.85 s and 2.35 s
        JitChoice slow = JitChoice.decide(1.75, 1.85, 2.35);
        assertEquals(JitChoice.Mode.NOTEBOOK_CODE, slow.mode());
        assertEquals(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile="
                + dir.resolve("compiler-directives.json").toAbsolutePath()), slow.flags(dir));
        assertTrue(slow.summary().startsWith("C2 for the library and the notebook's code, C1 for the rest: a kernel "
                + "start took 1.75 s with C1 alone, 1.85 s with C2 for the notebook's code, 2.35 s with both compilers "
                + "everywhere (budget 1.6 s)"), slow.summary());
        assertEquals(JitChoice.Mode.NOTEBOOK_CODE, JitChoice.decide(1.0, 1.5, 2.0).mode(), "within the budget");
    }

    @Test
    void c1AloneWhenEvenTheNotebookCodeDelaysTheStartTooMuch() {
        JitChoice c1 = JitChoice.decide(1.7, 2.1, 0);
        assertEquals(JitChoice.Mode.C1_ONLY, c1.mode());
        assertEquals(List.of("-XX:TieredStopAtLevel=1"), c1.flags(dir));
        assertTrue(c1.summary().contains("both compilers everywhere not timed, since C1 alone did not fit the budget"), c1.summary());
    }

    @Test
    void unmeasuredMeansC1Alone() {
        JitChoice none = JitChoice.unmeasured();
        assertEquals(List.of("-XX:TieredStopAtLevel=1"), none.flags(dir));
        assertEquals("C1 alone (kernel starts were not measured)", none.summary());
    }

    @Test
    void theDirectivesLetC2CompileOnlyTheLibraryAndTheCells() throws Exception {
        JitChoice.writeDirectives(dir);
        String json = Files.readString(dir.resolve("compiler-directives.json"));
        var rules = com.google.gson.JsonParser.parseString(json).getAsJsonArray();
        assertEquals(2, rules.size(), json);
        assertEquals("[\"org/dltips/*.*\",\"REPL/*.*\"]", rules.get(0).getAsJsonObject().get("match").toString());
        assertFalse(rules.get(0).getAsJsonObject().getAsJsonObject("c2").get("Exclude").getAsBoolean());
        assertEquals("*.*", rules.get(1).getAsJsonObject().get("match").getAsString());
        assertTrue(rules.get(1).getAsJsonObject().getAsJsonObject("c2").get("Exclude").getAsBoolean());
    }

    @Test
    void noMeasureIsAnOption() {
        assertFalse(InstallOptions.parse(new String[] {"--no-measure"}).measure());
        assertTrue(InstallOptions.parse(new String[0]).measure());
    }
}
