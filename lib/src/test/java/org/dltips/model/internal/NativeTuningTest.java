package org.dltips.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NativeTuningTest {

    private static final Set<String> ZEN5 = Set.of("sse2", "avx", "avx2", "fma", "avx512f", "avx512dq", "avx512bw",
            "avx512vl", "avx512_bf16");
    private static final Set<String> HASWELL = Set.of("sse2", "avx", "avx2", "fma");

    @Test
    void avx512MachinesGetTheAvx512OpenBlasKernels() {
        Map<String, String> env = NativeTuning.environment(ZEN5);
        assertEquals("SkylakeX", env.get("OPENBLAS_CORETYPE"));
        assertEquals("1", env.get("OMP_NUM_THREADS"));
        assertEquals("PASSIVE", env.get("OMP_WAIT_POLICY"));
    }

    @Test
    void olderCpusAreLeftToOpenBlasDetection() {
        assertFalse(NativeTuning.environment(HASWELL).containsKey("OPENBLAS_CORETYPE"));
        assertFalse(NativeTuning.environment(Set.of("avx512f", "avx2")).containsKey("OPENBLAS_CORETYPE"),
                "avx512f alone (Xeon Phi) lacks the AVX-512 subsets SkylakeX kernels use");
        assertFalse(NativeTuning.environment(Set.of()).containsKey("OPENBLAS_CORETYPE"));
    }

    @Test
    void theKernelFamiliesMeasuredAreTheOnesTheCpuCanRun() {
        assertEquals(java.util.List.of("SkylakeX", "Haswell", "Zen"), NativeTuning.coreCandidates(ZEN5, "AMD EPYC"));
        assertEquals(java.util.List.of("SkylakeX", "Haswell"), NativeTuning.coreCandidates(ZEN5, "Intel Xeon"));
        assertEquals(java.util.List.of("Haswell"), NativeTuning.coreCandidates(HASWELL, "Intel Core i7"));
        assertEquals(java.util.List.of("Sandybridge"), NativeTuning.coreCandidates(Set.of("sse2", "avx"), "Intel"));
        assertTrue(NativeTuning.coreCandidates(Set.of("sse2"), "Intel").isEmpty(),
                "a CPU without AVX is left to OpenBLAS's detection");
        assertEquals("Zen", NativeTuning.environment("Zen").get("OPENBLAS_CORETYPE"));
        assertFalse(NativeTuning.environment((String) null).containsKey("OPENBLAS_CORETYPE"));
    }

    @Test
    void blasThreadsDefaultToTheProcessorsAndHonourTheVariable() {
        assertEquals(2, NativeTuning.blasThreads(null, 2));
        assertEquals(8, NativeTuning.blasThreads(" ", 8));
        assertEquals(1, NativeTuning.blasThreads("1", 2));
        assertEquals(1, NativeTuning.blasThreads(null, 0));
    }

    @Test
    void aBadThreadCountSaysWhatWasWrongAndHowToFixIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NativeTuning.blasThreads("two", 2));
        assertEquals("DLTIPS_BLAS_THREADS is 'two', expected a whole number of threads of 1 or more;"
                + " unset it to use one thread per processor", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NativeTuning.blasThreads("0", 2));
    }

    @Test
    void thisMachinesFlagsAreRead() {
        Set<String> flags = NativeTuning.cpuFlags();
        if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/cpuinfo"))) {
            assertTrue(flags.contains("sse2"), "an x86-64 Linux CPU lists sse2, got " + flags);
        }
    }
}
