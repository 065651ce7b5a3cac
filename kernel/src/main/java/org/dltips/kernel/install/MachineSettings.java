package org.dltips.kernel.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dltips.model.internal.BlasChoice;
import org.dltips.model.internal.TuningCache;

/**
 * The settings a kernel gets for the machine it is installed on: the OpenBLAS kernel family and thread count
 * ({@link BlasChoice}) and the compilers ({@link JitChoice}), measured on the first install on a machine (a
 * quarter of a minute on two cores) and read from the tuning cache afterwards; or, with {@code --no-measure},
 * taken from the CPU's flags with C1 alone. The kernelspec directory gets a report of what was chosen and why.
 *
 * <p>{@code MachineSettings.choose(true, java, jar, archive, specDir).blas().environment()}
 */
record MachineSettings(BlasChoice blas, JitChoice jit) {

    /** The report's file name in the kernelspec directory. */
    static final String REPORT = "machine-settings.txt";

    /** The settings for a kernelspec in {@code specDir} (which holds the compiler directives a start is timed with). */
    static MachineSettings choose(boolean measure, String java, String jar, Path archive, Path specDir) {
        if (!measure) {
            return new MachineSettings(BlasChoice.fromCpuFlags(), JitChoice.unmeasured());
        }
        BlasChoice blas = BlasChoice.forThisMachine(System.out::println);
        Path jitCache = TuningCache.file("jit", blas.machine() + "|" + java + "|" + Runtime.version());
        JitChoice jit = JitChoice.forThisMachine(java, jar, archive, specDir, jitCache,
                System.out::println);
        System.out.println("matrix products: " + blas.summary());
        System.out.println("compilers: " + jit.summary());
        return new MachineSettings(blas, jit);
    }

    /** Writes what was chosen; a kernelspec is whole without it, so a failure only goes to the console. */
    void writeReport(Path file) {
        List<String> lines = List.of(
                "Settings of this kernel for " + blas.machine() + (blas.measuredAt() == null ? ""
                        : " (measured " + blas.measuredAt() + ")"),
                "matrix products: " + blas.summary(),
                "compilers: " + jit.summary(),
                "To measure again: delete " + TuningCache.directory() + " and install again.");
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("could not write " + file + ": " + e.getMessage());
        }
    }
}
