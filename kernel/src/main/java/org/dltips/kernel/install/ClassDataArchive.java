package org.dltips.kernel.install;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
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
            List<String> command = new java.util.ArrayList<>(List.of(java, "-XX:ArchiveClassesAtExit=" + archive,
                    "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            command.addAll(KernelSpecWriter.memoryFlags(0));
            command.addAll(KernelSpecWriter.JVM_FLAGS);
            command.add(JitChoice.C1_ONLY); // the classes a start loads do not depend on the compilers
            command.addAll(List.of("-jar", jar, "warmup"));
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(new File(System.getProperty("os.name", "")
                            .startsWith("Windows") ? "NUL" : "/dev/null"))).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 && Files.isRegularFile(archive) ? archive : null;
        } catch (Exception e) {
            return null;
        }
    }
}
