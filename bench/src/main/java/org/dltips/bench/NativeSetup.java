package org.dltips.bench;

import java.util.List;
import java.util.Set;
import org.dltips.model.internal.NativeTuning;

/**
 * Picks the fastest nd4j-native build for this CPU and warns about thread settings that make training slow;
 * the CPU flags come from the library's {@code NativeTuning}. Run it once before ND4J is first touched.
 *
 * <p>{@code NativeSetup.configure(); INDArray x = Nd4j.zeros(3);}
 */
public final class NativeSetup {
    /** JavaCPP reads this system property when it loads libnd4jcpu: "-avx512", "-avx2" or "" (generic). */
    static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    private static final String BINDINGS = "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64%s/libnd4jcpu.so";
    private static volatile boolean done;

    private NativeSetup() {
    }

    /** Chooses the nd4j-native build (unless the user set the property) and returns a warning about threads, or "". */
    public static synchronized String configure() {
        if (done) {
            return "";
        }
        done = true;
        if (System.getProperty(EXTENSION_PROPERTY) == null) {
            System.setProperty(EXTENSION_PROPERTY, bestExtension(NativeTuning.cpuFlags()));
        }
        return threadWarning(System.getenv("OMP_WAIT_POLICY"), System.getenv("OMP_NUM_THREADS"),
                Runtime.getRuntime().availableProcessors());
    }

    /** The best build whose instructions the CPU has and whose jar is on the classpath. */
    static String bestExtension(Set<String> flags) {
        boolean avx512 = flags.containsAll(List.of("avx512f", "avx512dq", "avx512bw", "avx512vl"));
        boolean avx2 = flags.containsAll(List.of("avx2", "fma"));
        if (avx512 && onClasspath("-avx512")) {
            return "-avx512";
        }
        if ((avx2 || avx512) && onClasspath("-avx2")) {
            return "-avx2";
        }
        return "";
    }

    static boolean onClasspath(String extension) {
        return NativeSetup.class.getClassLoader().getResource(String.format(BINDINGS, extension)) != null;
    }

    /**
     * OpenMP reads its settings from the environment when the native library loads, so Java cannot change them
     * later; this explains what to set when the environment would let idle threads spin.
     */
    static String threadWarning(String waitPolicy, String numThreads, int cpus) {
        if ("PASSIVE".equalsIgnoreCase(waitPolicy) || "1".equals(numThreads)) {
            return "";
        }
        return "OMP_WAIT_POLICY is " + (waitPolicy == null ? "unset" : waitPolicy) + " and OMP_NUM_THREADS is "
                + (numThreads == null ? "unset" : numThreads) + " on " + cpus + " CPUs: idle OpenMP threads will spin"
                + " and training can run several times slower when other programs share the CPUs. Start the JVM with"
                + " OMP_WAIT_POLICY=PASSIVE in its environment (the dltips kernelspec does this).";
    }
}
