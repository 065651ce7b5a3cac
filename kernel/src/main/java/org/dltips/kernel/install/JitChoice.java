package org.dltips.kernel.install;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Consumer;
import org.dltips.model.internal.TuningCache;

/**
 * Whether kernels on this machine compile with C1 alone or with both of the JVM's compilers, chosen by timing
 * a kernel start ({@code warmup}: JShell ready, a cell, ND4J loaded) both ways. The optimizing compiler makes
 * Java loops over arrays (an optimizer's update, a student's own loop) about 3.5 times faster, but on two shared
 * cores it competes with JShell's start: measured on a 2-core AMD EPYC it moved the kernel's answer from 1.9 to
 * 3.2 s, past the 2 s a start may take. So kernels get both compilers only where a start with them stays within
 * {@link #START_BUDGET_SECONDS}; elsewhere C1 alone. Kept per machine and JDK in the tuning cache.
 *
 * <p>{@code JitChoice jit = JitChoice.forThisMachine(java, jar, archive, System.out::println); jit.flags();}
 */
record JitChoice(boolean optimizing, double c1Seconds, double optimizingSeconds, boolean measured) {

    /** A kernel's start with both compilers must fit here: 80 % of the 2 s bar for the kernel's first answer. */
    static final double START_BUDGET_SECONDS = 1.6;
    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
    private static final int ROUNDS = 2;

    /** The JVM flag this choice adds to the kernel's command line (none for both compilers). */
    List<String> flags() {
        return optimizing ? List.of() : List.of(C1_ONLY);
    }

    String summary() {
        if (!measured) {
            return "C1 alone (kernel starts were not measured)";
        }
        return String.format(Locale.ROOT, "%s: a kernel start took %.2f s with C1 alone, %.2f s with both compilers"
                + " (budget %.1f s)", optimizing ? "both compilers" : "C1 alone", c1Seconds, optimizingSeconds,
                START_BUDGET_SECONDS);
    }

    static JitChoice decide(double c1Seconds, double optimizingSeconds) {
        return new JitChoice(optimizingSeconds <= START_BUDGET_SECONDS, c1Seconds, optimizingSeconds, true);
    }

    /** The cached choice for this machine and JDK, or a measurement of {@code ROUNDS} starts each way. */
    static JitChoice forThisMachine(String java, String jar, Path archive, Path cacheFile, Consumer<String> say) {
        JitChoice known = read(cacheFile);
        if (known != null) {
            return known;
        }
        say.accept("timing kernel starts with C1 alone and with both compilers, once ...");
        double c1 = Double.MAX_VALUE;
        double both = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            c1 = Math.min(c1, start(java, jar, archive, true));
            both = Math.min(both, start(java, jar, archive, false));
        }
        if (c1 == Double.MAX_VALUE || both == Double.MAX_VALUE) {
            return new JitChoice(false, 0, 0, false);
        }
        JitChoice choice = decide(c1, both);
        write(cacheFile, choice);
        return choice;
    }

    /** Seconds of one {@code warmup} run, or {@link Double#MAX_VALUE} when it failed. */
    private static double start(String java, String jar, Path archive, boolean c1Only) {
        List<String> flags = new ArrayList<>();
        if (c1Only) {
            flags.add(C1_ONLY);
        }
        if (archive != null) {
            flags.addAll(KernelSpecWriter.archiveFlags(archive));
        }
        long begin = System.nanoTime();
        boolean ran = ClassDataArchive.runWarmup(java, jar, flags, 120);
        return ran ? (System.nanoTime() - begin) / 1e9 : Double.MAX_VALUE;
    }

    private static JitChoice read(Path file) {
        Properties p = TuningCache.read(file);
        try {
            return p == null ? null : decide(Double.parseDouble(p.getProperty("c1_seconds")),
                    Double.parseDouble(p.getProperty("optimizing_seconds")));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void write(Path file, JitChoice choice) {
        Properties p = new Properties();
        p.setProperty("c1_seconds", String.format(Locale.ROOT, "%.3f", choice.c1Seconds));
        p.setProperty("optimizing_seconds", String.format(Locale.ROOT, "%.3f", choice.optimizingSeconds));
        TuningCache.write(file, p, "kernel start times measured by the dltips installer");
    }
}
