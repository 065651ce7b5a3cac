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

    private static Map<String, Map<String, Double>> times(Object... coreSettingMillis) {
        Map<String, Map<String, Double>> millis = new LinkedHashMap<>();
        for (int i = 0; i < coreSettingMillis.length; i += 3) {
            millis.computeIfAbsent((String) coreSettingMillis[i], k -> new LinkedHashMap<>())
                    .put(coreSettingMillis[i + 1].toString(), (Double) coreSettingMillis[i + 2]);
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
        assertNull(choice.environment().get(NativeTuning.PRODUCT_HALVES_VARIABLE));
    }

    @Test
    void productsInHalvesWinWhereTheyAreFastest() {
        // a 2-core AMD EPYC, 2026-12-07: one BLAS thread 4.8 ms, two 4.2 ms, halves 3.1 ms
        BlasChoice choice = BlasChoice.choose(times("SkylakeX", 1, 4.8, "SkylakeX", 2, 4.2, "SkylakeX", "halves",
                3.1, "Haswell", "halves", 5.3), "test CPU", "now");
        assertEquals("SkylakeX", choice.coreType());
        assertTrue(choice.halves());
        assertEquals(1, choice.threads(), "each half runs on one BLAS thread");
        assertEquals("1", choice.environment().get(NativeTuning.BLAS_THREADS_VARIABLE));
        assertEquals("true", choice.environment().get(NativeTuning.PRODUCT_HALVES_VARIABLE));
        assertTrue(choice.summary().startsWith("OpenBLAS SkylakeX with products in two halves on two threads (one BLAS "
                + "thread each) on test CPU; ms per lecture batch of products: SkylakeX/1 4.80 SkylakeX/2 4.20 "
                + "SkylakeX/halves 3.10 Haswell/halves 5.30"), choice.summary());
    }

    @Test
    void oneThreadWinsOverHalvesWhenAlmostAsFast() {
        BlasChoice choice = BlasChoice.choose(times("SkylakeX", 1, 3.2, "SkylakeX", 2, 4.2, "SkylakeX", "halves",
                3.1), "test CPU", "now");
        assertEquals("1", choice.setting());
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
        BlasChoice choice = BlasChoice.choose(times("SkylakeX", 1, 4.8, "SkylakeX", 2, 3.6, "SkylakeX", "halves",
                3.1), "test CPU", "2026-12-06T21:00:00Z");
        Path file = dir.resolve("tuning/blas-test.properties");
        BlasChoice.write(file, choice);
        assertTrue(Files.isRegularFile(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left beside the cache file");
        }
        BlasChoice read = BlasChoice.read(file, "test CPU");
        assertEquals(choice, read);
        Files.writeString(file, "core=SkylakeX\nsetting=two\n");
        assertNull(BlasChoice.read(file, "test CPU"), "an unreadable cache file means: measure again");
        Files.writeString(file, "core=SkylakeX\nthreads=2\nms.SkylakeX.2=4.2\n");
        assertNull(BlasChoice.read(file, "test CPU"), "a file from before halves were measured: measure again");
        assertNull(BlasChoice.read(dir.resolve("missing.properties"), "test CPU"));
    }
}
