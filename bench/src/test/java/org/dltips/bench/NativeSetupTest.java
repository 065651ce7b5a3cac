package org.dltips.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class NativeSetupTest {
    private static final Set<String> AVX512 = Set.of("avx2", "fma", "avx512f", "avx512dq", "avx512bw", "avx512vl");

    @Test
    void choosesOnlyBuildsThatAreOnTheClassPath() {
        String expected = NativeSetup.onClasspath("-avx512") ? "-avx512"
                : NativeSetup.onClasspath("-avx2") ? "-avx2" : "";
        assertEquals(expected, NativeSetup.bestExtension(AVX512));
    }

    @Test
    void fallsBackToTheGenericBuildWithoutAvx2() {
        assertEquals("", NativeSetup.bestExtension(Set.of("sse4_2", "avx")));
    }

    @Test
    void neverPicksAvx512WhenTheCpuLacksIt() {
        String chosen = NativeSetup.bestExtension(Set.of("avx2", "fma"));
        assertTrue(chosen.isEmpty() || chosen.equals("-avx2"), "got " + chosen);
    }

    @Test
    void warnsAboutSpinningThreadsAndSaysWhatToSet() {
        assertEquals("OMP_WAIT_POLICY is unset and OMP_NUM_THREADS is unset on 2 CPUs: idle OpenMP threads will spin"
                + " and training can run several times slower when other programs share the CPUs. Start the JVM with"
                + " OMP_WAIT_POLICY=PASSIVE in its environment (the dltips kernelspec does this).",
                NativeSetup.threadWarning(null, null, 2));
    }

    @Test
    void staysQuietWhenThreadsCannotSpin() {
        assertEquals("", NativeSetup.threadWarning("passive", null, 2));
        assertEquals("", NativeSetup.threadWarning(null, "1", 2));
    }
}
