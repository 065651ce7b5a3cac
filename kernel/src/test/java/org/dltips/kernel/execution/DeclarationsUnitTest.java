package org.dltips.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeclarationsUnitTest {

    private static CellEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = new CellEvaluator(DeclarationsUnitTest.class.getClassLoader(),
                List.of("import org.dltips.model.*;"));
        evaluator.awaitReady();
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    @Test
    void detailAddsTheSourceOfALibraryMethod() {
        String doc = evaluator.assist().documentation("Network.input(784)", 10, true).plain();
        assertTrue(doc.contains("Declaration:\n    public static NetworkBuilder input(int inputSize) {"), doc);
        String brief = evaluator.assist().documentation("Network.input(784)", 10, false).plain();
        assertTrue(!brief.contains("Declaration:"), brief);
    }

    @Test
    void detailOnATypeShowsItsDeclarationLine() {
        String doc = evaluator.assist().documentation("Network", 4, true).plain();
        assertTrue(doc.contains("Declaration:\n    public final class Network"), doc);
    }
}
