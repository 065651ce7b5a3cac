package org.dltips.kernel.install;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds a class data sharing archive of the classes a kernel start loads (JShell's compiler, ZeroMQ, ND4J's
 * Java side), so later starts map them instead of parsing them: the kernel answers sooner. Optional: when
 * the archive cannot be built, or no longer matches the jar, Java starts normally without it.
 *
 * <p>{@code Path jsa = ClassDataArchive.build(dir, javaPath, jarPath); // null when it failed}
 */
final class ClassDataArchive {

    static final String FILE_NAME = "dltips.jsa";

    private ClassDataArchive() {
    }

    /** Runs {@code java -XX:ArchiveClassesAtExit=... -jar kernel.jar warmup}; returns the archive or null. */
    static Path build(Path dir, String java, String jar) {
        Path archive = dir.resolve(FILE_NAME);
        try {
            Files.deleteIfExists(archive);
        } catch (Exception e) {
            return null;
        }
        // the classes a start loads do not depend on the compilers, so the quicker start builds the archive
        boolean ran = runWarmup(java, jar, List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", JitChoice.C1_ONLY), 180);
        return ran && Files.isRegularFile(archive) ? archive : null;
    }

    /**
     * Runs the kernel jar's {@code warmup} command (a kernel start: JShell ready, a cell, ND4J loaded) with the
     * kernelspec's JVM flags plus {@code extraFlags}, its output discarded; true when it ended well in time.
     */
    static boolean runWarmup(String java, String jar, List<String> extraFlags, int timeoutSeconds) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(extraFlags);
        command.addAll(KernelSpecWriter.memoryFlags(0));
        command.addAll(KernelSpecWriter.JVM_FLAGS);
        command.addAll(List.of("-jar", jar, "warmup"));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(new File(System.getProperty("os.name", "")
                            .startsWith("Windows") ? "NUL" : "/dev/null"))).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
