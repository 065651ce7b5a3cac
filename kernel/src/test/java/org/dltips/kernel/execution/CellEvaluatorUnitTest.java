package org.dltips.kernel.execution;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellEvaluatorUnitTest {

    private static CellEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = new CellEvaluator(CellEvaluatorUnitTest.class.getClassLoader(), List.of("import java.util.*;"));
        evaluator.awaitReady();
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    @Test
    void inspectingALibraryMethodShowsItsJavadoc() {
        String doc = evaluator.assist().documentation("var b = org.dltips.model.Network.input", 38, false).plain();
        assertTrue(doc.contains("Network.input(int inputSize)\n"), doc);
        assertTrue(doc.contains("Starts describing a network whose examples have inputSize features."), doc);
        assertFalse(doc.contains("{@code"), doc);
    }

    @Test
    void severalStatementsEndingInAnExpressionGiveItsValue() throws Exception {
        CellResult r = evaluator.eval("int x = 20;\nint y = x + 1;\ny * 2", 1);
        assertTrue(r.hasValue());
        assertEquals(42, r.value());
    }

    @Test
    void declarationsShowNoValue() throws Exception {
        assertFalse(evaluator.eval("List<String> names = new ArrayList<>();", 2).hasValue());
    }

    @Test
    void compileErrorNamesTheCellLineAndUnderlinesTheSpan() {
        CellFailure f = assertThrows(CellFailure.class, () -> evaluator.eval("int a = 1;\nint b = missing + 1;", 3));
        assertEquals("CompilationException", f.name());
        assertEquals("line 2: cannot find symbol", f.getMessage());
        String text = String.join("\n", f.traceback()).replaceAll("\u001b\\[\\d+m", "");
        assertTrue(text.contains("2 | int b = missing + 1;\n  |         ^^^^^^^"), text);
    }

    @Test
    void runtimeErrorShowsCellFramesOnly() {
        CellFailure f = assertThrows(CellFailure.class,
                () -> evaluator.eval("int zero = 0;\nint q = 10 / zero;", 4));
        assertEquals("ArithmeticException", f.name());
        String text = String.join("\n", f.traceback()).replaceAll("\u001b\\[\\d+m", "");
        assertEquals("java.lang.ArithmeticException: / by zero\n    at cell line 2", text);
    }

    @Test
    void interruptStopsATightLoopAndTheNextCellRuns() throws Exception {
        CompletableFuture<CellFailure> failure = CompletableFuture.supplyAsync(() -> {
            try {
                evaluator.eval("while (true) { }", 5);
                return null;
            } catch (CellFailure f) {
                return f;
            }
        });
        Thread.sleep(500);
        long t0 = System.nanoTime();
        evaluator.interrupt();
        CellFailure f = failure.get(2, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L);
        assertEquals("Interrupted", f.name());
        assertEquals(3, evaluator.eval("1 + 2", 6).value());
    }

    @Test
    void aPendingStopFiresNoCheckInShieldedWorkAndATaskThatThrowsLeavesTheCellThreadWorking() throws Exception {
        CompletableFuture<Thread> stopped = new CompletableFuture<>();
        evaluator.runLater(() -> {
            try {
                while (true) {
                    CellGuard.check();
                }
            } finally {
                stopped.complete(Thread.currentThread());
            }
        });
        Thread.sleep(200);
        evaluator.interrupt();
        Thread cellThread = stopped.get(2, TimeUnit.SECONDS);
        assertTrue(evaluator.isStopRequested(), "the stop stays requested until the next task starts");
        int[] turns = new int[1];
        CellGuard.shielded(() -> {
            for (int i = 0; i < 3; i++) {
                CellGuard.check();
                turns[0]++;
            }
        });
        assertEquals(3, turns[0]);
        assertThrows(CellInterruptedError.class, CellGuard::check, "outside the shield the stop still fires");
        CompletableFuture<Thread> next = new CompletableFuture<>();
        evaluator.runLater(() -> next.complete(Thread.currentThread()));
        assertEquals(cellThread, next.get(2, TimeUnit.SECONDS), "the stopped task did not end the cell thread");
        assertEquals(3, evaluator.eval("1 + 2", 7).value());
    }
}
