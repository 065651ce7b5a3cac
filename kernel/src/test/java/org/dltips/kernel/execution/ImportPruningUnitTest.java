package org.dltips.kernel.execution;

import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cells mean the same with pruned import lines: redefinitions, forward references, shadowing, imports. */
class ImportPruningUnitTest {

    private static CellEvaluator evaluator;
    private static int cell;

    @BeforeAll
    static void start() {
        evaluator = new CellEvaluator(ImportPruningUnitTest.class.getClassLoader(), List.of("import java.util.*;"));
        evaluator.awaitReady();
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    private static Object eval(String code) throws CellFailure {
        return evaluator.eval(code, ++cell).value();
    }

    @Test
    void theKernelJarsOpeningReachesJShellsTable() {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            assertTrue(ImportPruning.install(shell).isActive(), "JShell's snippet table was not reachable: run with"
                    + " --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED, as the kernel jar's manifest does");
        }
    }

    @Test
    void aMethodSeesTheRedefinedVariableItUses() throws Exception {
        eval("int base = 1;");
        eval("int twice() { return base * 2; }");
        for (int i = 0; i < 30; i++) {
            eval("int filler" + i + " = " + i + ";");
        }
        eval("int base = 5;");
        assertEquals(10, eval("twice()"));
        eval("short base = 7;");
        assertEquals(14, eval("twice()"));
    }

    @Test
    void aMethodFollowsTheRedefinitionOfTheMethodItCalls() throws Exception {
        eval("double inner() { return 1.5; }");
        eval("double outer() { return inner() * 2; }");
        eval("double inner() { return 2.5; }");
        assertEquals(5.0, eval("outer()"));
    }

    @Test
    void aForwardReferenceResolvesOnceTheNameIsDeclared() throws Exception {
        eval("int early() { return later() + 1; }");
        eval("int later() { return 41; }");
        assertEquals(42, eval("early()"));
    }

    @Test
    void aChainOfDependentsIsRecompiled() throws Exception {
        eval("int c1() { return 1; }");
        eval("int c2() { return c1() + 1; }");
        eval("int c3() { return c2() + 1; }");
        eval("short c1() { return 10; }");
        assertEquals(12, eval("c3()"));
    }

    @Test
    void aUserMethodStillShadowsAStaticStarImport() throws Exception {
        eval("import static java.lang.Math.*;");
        eval("int max(int a, int b) { return -1; }");
        assertEquals(-1, eval("max(3, 4)"));
        assertEquals(4.0, eval("sqrt(16)"));
    }

    @Test
    void variablesOfCellClassesAndSeveralDeclarators() throws Exception {
        eval("class Box { int v = 3; }");
        eval("var box = new Box();");
        eval("int p = 1, q = 2;");
        eval("List<Map<String, Integer>> nested = new ArrayList<>();");
        assertEquals(6, eval("box.v + p + q + nested.size()"));
    }

    @Test
    void aNameDeclaredAfterAStringMentioningItStillResolves() throws Exception {
        eval("String label = \"count\";");
        eval("int count = 3;");
        assertEquals("count=3", eval("label + \"=\" + count"));
    }

    @Test
    void anUnknownNameIsStillAnError() {
        CellFailure f = assertThrows(CellFailure.class, () -> eval("int broken = neverDeclared + 1;"));
        assertEquals("CompilationException", f.name());
    }
}
