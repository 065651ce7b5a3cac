package org.dltips.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlasChoiceTest {

    private static Map<String, Map<Integer, Double>> times(Object... coreThreadsMillis) {
        Map<String, Map<Integer, Double>> millis = new LinkedHashMap<>();
        for (int i = 0; i < coreThreadsMillis.length; i += 3) {
            millis.computeIfAbsent((String) coreThreadsMillis[i], k -> new LinkedHashMap<>())
                    .put((Integer) coreThreadsMillis[i + 1], (Double) coreThreadsMillis[i + 2]);
        }
        return millis;
    }

    @Test
    void theFastestFamilyAndThreadCountWin() {
        BlasChoice choice = BlasChoice.choose(times("SkylakeX", 1, 4.8, "SkylakeX", 2, 3.1, "Haswell", 1, 9.0,
                "Haswell", 2, 4.9), "test CPU", "now");
        assertEquals("SkylakeX", choice.coreType());
        assertEquals(2, choice.threads());
        assertEquals("2", choice.environment().get(NativeTuning.BLAS_THREADS_VARIABLE));
        assertEquals("SkylakeX", choice.environment().get("OPENBLAS_CORETYPE"));
    }

    @Test
    void aSecondThreadThatSlowsTheProductsDownIsLeftOut() {
        // the machine: the second BLAS thread halved the speed instead of doubling it
        BlasChoice choice = BlasChoice.choose(times("SkylakeX", 1, 5.2, "SkylakeX", 2, 10.4), "test CPU", "now");
        assertEquals(1, choice.threads());
    }

    @Test
    void fewerThreadsWinWhenAlmostAsFast() {
        BlasChoice choice = BlasChoice.choose(times("Haswell", 1, 5.1, "Haswell", 2, 4.95, "Zen", 1, 5.0, "Zen", 2,
                5.3), "test CPU", "now");
        assertEquals(1, choice.threads(), "5.0 ms on one thread is within 5% of 4.95 ms on two");
        assertEquals("Zen", choice.coreType());
    }

    @Test
    void aChoiceIsKeptInTheCacheAndReadBackWhole(@TempDir Path dir) throws Exception {
        BlasChoice choice = BlasChoice.choose(times("SkylakeX", 1, 4.8, "SkylakeX", 2, 3.1), "test CPU",
                "2026-12-06T21:00:00Z");
        Path file = dir.resolve("tuning/blas-test.properties");
        BlasChoice.write(file, choice);
        assertTrue(Files.isRegularFile(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left beside the cache file");
        }
        BlasChoice read = BlasChoice.read(file, "test CPU");
        assertEquals(choice, read);
        Files.writeString(file, "core=SkylakeX\nthreads=two\n");
        assertNull(BlasChoice.read(file, "test CPU"), "an unreadable cache file means: measure again");
        assertNull(BlasChoice.read(dir.resolve("missing.properties"), "test CPU"));
    }
}
