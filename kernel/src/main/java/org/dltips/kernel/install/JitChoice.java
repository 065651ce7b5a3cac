package org.dltips.kernel.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Consumer;
import org.dltips.model.internal.TuningCache;

/**
 * Which of the JVM's compilers a kernel on this machine uses, chosen by timing a kernel start ({@code warmup}:
 * JShell ready, a cell, ND4J loaded) three ways:
 *
 * <ul>
 *   <li>{@link Mode#EVERYWHERE}: C1, then the optimizing compiler C2 for every hot method;</li>
 *   <li>{@link Mode#NOTEBOOK_CODE}: C2 only for the library, the kernel and the code of the notebook's cells
 *       (JShell's package {@code REPL}); the JDK, JShell's compiler, ND4J and the rest stay with C1;</li>
 *   <li>{@link Mode#C1_ONLY}: C1 alone.</li>
 * </ul>
 *
 * <p>C2 makes Java loops over arrays (an optimizer's update, a student's own loop) 4 to 10 times faster, since it
 * turns them into vector instructions; but on two shared cores, compiling JShell's compiler with it delays the
 * kernel's first answer: on a 2-core AMD EPYC by about 0.6 s, past the 2 s bar. Compiling only the notebook's own
 * code with it cost that machine about 0.1 s. The first mode whose start fits {@link #START_BUDGET_SECONDS} wins;
 * C2 for the notebook's code is also taken when it starts at most {@link #NOTEBOOK_CODE_SLACK} slower than C1
 * alone. Kept per machine and JDK in the tuning cache.
 *
 * <p>{@code JitChoice jit = JitChoice.forThisMachine(java, jar, archive, dir, cache, System.out::println);}
 */
record JitChoice(Mode mode, double c1Seconds, double notebookSeconds, double everywhereSeconds, boolean measured) {

    /** A start with more compiling must fit here: 80 % of the 2 s bar for the kernel's first answer. */
    static final double START_BUDGET_SECONDS = 1.6;
    /** C2 for the notebook's code may make a start this much slower than C1 alone (a factor). */
    static final double NOTEBOOK_CODE_SLACK = 1.10;
    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
    /** The compiler directives of {@link Mode#NOTEBOOK_CODE}, in the kernelspec directory. */
    static final String DIRECTIVES = "compiler-directives.json";
    private static final int ROUNDS = 2;

    /** Where the optimizing compiler may work. */
    enum Mode {
        C1_ONLY("C1 alone"),
        NOTEBOOK_CODE("C2 for the library and the notebook's code, C1 for the rest"),
        EVERYWHERE("both compilers everywhere");

        private final String description;

        Mode(String description) {
            this.description = description;
        }
    }

    /** The choice when nothing was measured ({@code install --no-measure}). */
    static JitChoice unmeasured() {
        return new JitChoice(Mode.C1_ONLY, 0, 0, 0, false);
    }

    /** The JVM flags of this choice, for a kernelspec in {@code specDir} (none for both compilers everywhere). */
    List<String> flags(Path specDir) {
        return flags(mode, specDir);
    }

    private static List<String> flags(Mode mode, Path specDir) {
        return switch (mode) {
            case C1_ONLY -> List.of(C1_ONLY);
            case NOTEBOOK_CODE -> List.of("-XX:+UnlockDiagnosticVMOptions",
                    "-XX:CompilerDirectivesFile=" + specDir.resolve(DIRECTIVES).toAbsolutePath());
            case EVERYWHERE -> List.of();
        };
    }

    String summary() {
        if (!measured) {
            return Mode.C1_ONLY.description + " (kernel starts were not measured)";
        }
        String everywhere = everywhereSeconds > 0
                ? String.format(Locale.ROOT, "%.2f s with both compilers everywhere", everywhereSeconds)
                : "both compilers everywhere not timed, since C1 alone did not fit the budget";
        return String.format(Locale.ROOT, "%s: a kernel start took %.2f s with C1 alone, %.2f s with C2 for the "
                + "notebook's code, %s (budget %.1f s)", mode.description, c1Seconds, notebookSeconds, everywhere,
                START_BUDGET_SECONDS);
    }

    /** The choice for these start times; {@code everywhereSeconds} is 0 when that start was not timed. */
    static JitChoice decide(double c1Seconds, double notebookSeconds, double everywhereSeconds) {
        Mode mode;
        if (everywhereSeconds > 0 && everywhereSeconds <= START_BUDGET_SECONDS) {
            mode = Mode.EVERYWHERE;
        } else if (notebookSeconds <= START_BUDGET_SECONDS || notebookSeconds <= c1Seconds * NOTEBOOK_CODE_SLACK) {
            mode = Mode.NOTEBOOK_CODE;
        } else {
            mode = Mode.C1_ONLY;
        }
        return new JitChoice(mode, c1Seconds, notebookSeconds, everywhereSeconds, true);
    }

    /**
     * Writes the compiler directives of {@link Mode#NOTEBOOK_CODE} into {@code specDir}: C2 may compile the
     * library's and kernel's classes ({@code org.dltips}) and the cells' ({@code REPL}); for every other method it
     * is excluded, so the JVM keeps that method's C1 code.
     */
    static void writeDirectives(Path specDir) throws IOException {
        String json = """
                [
                  {"match": ["org/dltips/*.*", "REPL/*.*"], "c2": {"Exclude": false}},
                  {"match": "*.*", "c2": {"Exclude": true}}
                ]
                """;
        Files.writeString(specDir.resolve(DIRECTIVES), json, StandardCharsets.UTF_8);
    }

    /**
     * The cached choice for this machine and JDK, or a measurement of {@code ROUNDS} starts each way;
     * {@code specDir} holds the directives ({@link #writeDirectives}).
     */
    static JitChoice forThisMachine(String java, String jar, Path archive, Path specDir, Path cacheFile,
                                    Consumer<String> say) {
        JitChoice known = read(cacheFile);
        if (known != null) {
            return known;
        }
        say.accept("timing kernel starts with C1 alone, with C2 for the notebook's code and with both compilers, "
                + "once ...");
        double c1 = Double.MAX_VALUE;
        double notebook = Double.MAX_VALUE;
        double everywhere = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            c1 = Math.min(c1, start(java, jar, archive, flags(Mode.C1_ONLY, specDir)));
            notebook = Math.min(notebook, start(java, jar, archive, flags(Mode.NOTEBOOK_CODE, specDir)));
            if (c1 <= START_BUDGET_SECONDS) { // more compiling never starts sooner than C1 alone
                everywhere = Math.min(everywhere, start(java, jar, archive, flags(Mode.EVERYWHERE, specDir)));
            }
        }
        if (c1 == Double.MAX_VALUE || notebook == Double.MAX_VALUE) {
            return unmeasured();
        }
        JitChoice choice = decide(c1, notebook, everywhere == Double.MAX_VALUE ? 0 : everywhere);
        write(cacheFile, choice);
        return choice;
    }

    /** Seconds of one {@code warmup} run, or {@link Double#MAX_VALUE} when it failed. */
    private static double start(String java, String jar, Path archive, List<String> jitFlags) {
        List<String> flags = new ArrayList<>(jitFlags);
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
                    Double.parseDouble(p.getProperty("notebook_code_seconds")),
                    Double.parseDouble(p.getProperty("everywhere_seconds")));
        } catch (RuntimeException e) {
            return null; // missing or unreadable, or written before the notebook-code mode: measure again
        }
    }

    private static void write(Path file, JitChoice choice) {
        Properties p = new Properties();
        p.setProperty("c1_seconds", String.format(Locale.ROOT, "%.3f", choice.c1Seconds));
        p.setProperty("notebook_code_seconds", String.format(Locale.ROOT, "%.3f", choice.notebookSeconds));
        p.setProperty("everywhere_seconds", String.format(Locale.ROOT, "%.3f", choice.everywhereSeconds));
        TuningCache.write(file, p, "kernel start times measured by the dltips installer");
    }
}
