package org.dltips.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the process and ND4J run with: loaded native binaries, thread settings, CPU time, peak memory (Linux /proc).
 *
 * <p>{@code System.out.println(Proc.describe());}
 */
final class Proc {
    private Proc() {
    }

    /** Native libraries of interest mapped into this process (libnd4jcpu, BLAS, OpenMP), one per line. */
    static String nativeLibraries() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.map(l -> l.substring(l.lastIndexOf(' ') + 1))
                    .filter(p -> p.matches(".*(nd4jcpu|openblas|mkl_|gomp|dnnl|iomp).*\\.so.*"))
                    .distinct().sorted().collect(Collectors.joining("\n  ", "  ", ""));
        } catch (IOException e) {
            return "  (cannot read /proc/self/maps: " + e.getMessage() + ")";
        }
    }

    static String describe() {
        Map<String, String> env = new TreeMap<>();
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("OMP_") || k.startsWith("GOMP_") || k.startsWith("OPENBLAS_") || k.startsWith("MKL_")) {
                env.put(k, v);
            }
        });
        var e = Nd4j.getEnvironment();
        var blas = Nd4j.factory().blas();
        return "load average " + loadAverage() + "\njava " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cpus\n"
                + "env " + env + "\n"
                + "nd4j maxThreads=" + e.maxThreads() + " maxMasterThreads=" + e.maxMasterThreads()
                + " blas=" + blas.getBlasVendor() + " blasThreads=" + blas.getMaxThreads() + "\n"
                + "native libraries:\n" + nativeLibraries();
    }

    /** The first three fields of /proc/loadavg: how busy the machine is (other users disturb timings). */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** ND4J's thread settings as they stand now. */
    static String describeAfterSettings() {
        return "after settings: nd4j maxThreads=" + Nd4j.getEnvironment().maxThreads() + " maxMasterThreads="
                + Nd4j.getEnvironment().maxMasterThreads() + " blasThreads=" + Nd4j.factory().blas().getMaxThreads();
    }

    /** User and system CPU seconds of this process so far, from /proc/self/stat (clock ticks of 1/100 s). */
    static double[] cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new double[] {Long.parseLong(f[11]) / 100.0, Long.parseLong(f[12]) / 100.0};
        } catch (IOException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    /** Peak resident memory (VmHWM) of this process in MiB. */
    static double peakRssMiB() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmHWM:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024.0).orElse(Double.NaN);
        } catch (IOException e) {
            return Double.NaN;
        }
    }
}
