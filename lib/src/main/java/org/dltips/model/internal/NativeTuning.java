package org.dltips.model.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Thread and CPU settings for ND4J's native code, chosen for the machine: what the environment of a training
 * JVM should hold (read by OpenMP and OpenBLAS when they load, so a launcher must set it), and the matrix
 * product thread count, which can be set from Java at any time.
 *
 * <p>{@code NativeTuning.applyOnce();} before the first training step; {@code java -cp lib.jar
 * org.dltips.model.internal.NativeTuning} prints the environment as {@code KEY=VALUE} lines for scripts. The
 * kernel's installer measures which OpenBLAS kernel family and thread count suit the machine ({@link BlasChoice});
 * the rules here are what it falls back on, and what a JVM started without the kernelspec's environment gets.
 *
 * <p>Measured on a 2-core AVX-512 machine (lecture network, batch 100): ND4J's own OpenMP loops on two threads
 * spin and slow training down, so they get one thread and a passive wait policy; OpenBLAS gets both cores for
 * matrix products (0.86 to 0.66 s per training epoch, 0.43 to 0.27 s to evaluate 20 000 images), and its idle
 * workers wait about a millisecond before they sleep, long enough to span the few element-wise ops between two
 * products of a training step (0.29 to 0.27 s per epoch; OpenBLAS's default waits 0.1 s); and the
 * OpenBLAS 0.3.19 bundled with nd4j-native picks AVX2 kernels on recent AMD CPUs with AVX-512, or whatever
 * {@code OPENBLAS_CORETYPE} forces, where its AVX-512 kernels do the same products 1.6 times faster.
 */
public final class NativeTuning {

    /** Overrides the matrix-product thread count (a positive integer). */
    public static final String BLAS_THREADS_VARIABLE = "DLTIPS_BLAS_THREADS";
    /**
     * {@code true}: the training step computes each large product in two halves on two threads, each with one
     * BLAS thread (then {@value #BLAS_THREADS_VARIABLE} defaults to 1).
     */
    public static final String PRODUCT_HALVES_VARIABLE = "DLTIPS_PRODUCT_HALVES";

    private static final List<String> AVX512 = List.of("avx512f", "avx512dq", "avx512bw", "avx512vl");
    private static volatile boolean applied;

    private NativeTuning() {
    }

    /** The environment a training JVM should start with on a CPU with these {@code /proc/cpuinfo} flags. */
    public static Map<String, String> environment(Set<String> cpuFlags) {
        return environment(openBlasCore(cpuFlags));
    }

    /** The environment a training JVM should start with, forcing OpenBLAS kernel family {@code core} unless null. */
    public static Map<String, String> environment(String core) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OMP_NUM_THREADS", "1");
        env.put("OMP_WAIT_POLICY", "PASSIVE");
        env.put("OPENBLAS_THREAD_TIMEOUT", "22"); // BLAS workers wait 2^22 cycles (about 1 ms) before sleeping
        if (core != null) {
            env.put("OPENBLAS_CORETYPE", core);
        }
        return env;
    }

    /**
     * The OpenBLAS kernel families worth measuring on a CPU with these flags (names as OpenBLAS 0.3.19 reads
     * them): AVX-512's, AVX2's (and on AMD the Zen variant of them), AVX's; empty for older CPUs, where
     * OpenBLAS's own detection is left alone.
     */
    static List<String> coreCandidates(Set<String> cpuFlags, String machine) {
        List<String> cores = new java.util.ArrayList<>();
        if (cpuFlags.containsAll(AVX512)) {
            cores.add("SkylakeX");
        }
        if (cpuFlags.containsAll(List.of("avx2", "fma"))) {
            cores.add("Haswell");
            if (machine.contains("AMD")) {
                cores.add("Zen");
            }
        } else if (cpuFlags.contains("avx")) {
            cores.add("Sandybridge");
        }
        return cores;
    }

    /** The per-user cache directory measurements are kept in ({@code ~/.cache/dltips}), or null. */
    static Path cacheRoot() {
        try {
            return org.dltips.data.internal.DataSettings.fromEnvironment().cacheRoot();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The OpenBLAS kernel family to force, or null to let OpenBLAS detect it: only AVX-512 CPUs need it,
     * since the bundled OpenBLAS detects older Intel and AMD CPUs correctly.
     */
    static String openBlasCore(Set<String> cpuFlags) {
        return cpuFlags.containsAll(AVX512) ? "SkylakeX" : null;
    }

    /** Whether {@value #PRODUCT_HALVES_VARIABLE} asks for products in two halves. */
    public static boolean productHalves() {
        return "true".equalsIgnoreCase(String.valueOf(System.getenv(PRODUCT_HALVES_VARIABLE)).trim());
    }

    /**
     * Matrix-product threads: {@value #BLAS_THREADS_VARIABLE} if set, else {@code processors} (one per available
     * processor, or 1 with products in halves).
     */
    static int blasThreads(String configured, int processors) {
        if (configured == null || configured.isBlank()) {
            return Math.max(1, processors);
        }
        try {
            int threads = Integer.parseInt(configured.trim());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(BLAS_THREADS_VARIABLE + " is '" + configured
                + "', expected a whole number of threads of 1 or more; unset it to use one thread per processor");
    }

    /** The matrix-product thread count the environment asks for, as {@link #applyOnce} sets it. */
    public static int blasThreadsFromEnvironment() {
        return blasThreads(System.getenv(BLAS_THREADS_VARIABLE),
                productHalves() ? 1 : Runtime.getRuntime().availableProcessors());
    }

    /** Sets ND4J's matrix-product thread count once per JVM (later calls do nothing). */
    public static void applyOnce() {
        if (applied) {
            return;
        }
        synchronized (NativeTuning.class) {
            if (!applied) {
                Nd4j.factory().blas().setMaxThreads(blasThreadsFromEnvironment());
                applied = true;
            }
        }
    }

    /** CPU feature flags of the first processor in {@code /proc/cpuinfo}; empty where there is none. */
    public static Set<String> cpuFlags() {
        String flags = cpuInfo("flags");
        return flags == null ? Set.of() : Set.of(flags.split("\\s+"));
    }

    /** The value of the first {@code /proc/cpuinfo} line starting with {@code key}, or null where there is none. */
    static String cpuInfo(String key) {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return null;
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(null);
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }

    /**
     * Prints the environment for this machine as {@code KEY=VALUE} lines: measured ({@link BlasChoice}, from the
     * cache after the first time), or with {@code --rule} from the CPU's flags alone.
     */
    public static void main(String[] args) {
        Map<String, String> env = args.length > 0 && args[0].equals("--rule") ? environment(cpuFlags())
                : BlasChoice.forThisMachine(System.err::println).environment();
        env.forEach((k, v) -> System.out.println(k + "=" + v));
    }
}
