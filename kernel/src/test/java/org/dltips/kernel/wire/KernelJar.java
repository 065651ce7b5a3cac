package org.dltips.kernel.wire;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The built kernel jar and the commands of its launch contract ({@code kernel}, {@code install}).
 *
 * <p>{@code KernelJar.find().install(javaHome, prefix)} returns the parsed {@code kernel.json}.
 */
public record KernelJar(Path path) {

    /** The jar named by {@code -Ddltips.kernel.jar}, else {@code target/dltips-kernel.jar} of the kernel module. */
    public static KernelJar find() {
        String configured = System.getProperty("dltips.kernel.jar");
        Path jar = configured != null ? Path.of(configured) : locateDefault();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("kernel jar not found at " + jar.toAbsolutePath() + "; expected the"
                    + " packaged kernel. Build it with: mvn -B -q -pl kernel -am package -DskipTests");
        }
        return new KernelJar(jar.toAbsolutePath().normalize());
    }

    private static Path locateDefault() {
        Path here = Path.of("target", "dltips-kernel.jar");
        Path fromRoot = Path.of("kernel", "target", "dltips-kernel.jar");
        Path sibling = Path.of("..", "kernel", "target", "dltips-kernel.jar");
        for (Path candidate : List.of(here, fromRoot, sibling)) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return Files.isDirectory(Path.of("src", "main", "java", "org", "dltips", "kernel")) ? here : sibling;
    }

    /** The command that starts the kernel on {@code connectionFile} with the given JDK. */
    public List<String> kernelCommand(Path javaHome, Path connectionFile) {
        return new ArrayList<>(List.of(Jdks.java(javaHome).toString(), "-jar", path.toString(), "kernel",
                connectionFile.toString()));
    }

    /**
     * Runs {@code install --prefix DIR --name dltips} with the given JDK and returns the kernelspec it wrote.
     *
     * @throws AssertionError with the command's output when it fails or writes no {@code kernel.json}
     */
    public JsonObject install(Path javaHome, Path prefix) {
        List<String> command = List.of(Jdks.java(javaHome).toString(), "-jar", path.toString(), "install",
                "--prefix", prefix.toString(), "--name", "dltips");
        String output = run(command, prefix.resolveSibling(prefix.getFileName() + "-install.log"));
        Path spec = kernelJson(prefix);
        if (!Files.isRegularFile(spec)) {
            throw new AssertionError("'" + String.join(" ", command) + "' wrote no " + spec
                    + "; expected the kernelspec there (Jupyter looks in PREFIX/share/jupyter/kernels/NAME)."
                    + " Its output:\n" + output);
        }
        try {
            return JsonParser.parseString(Files.readString(spec)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where {@code install --prefix} must write the kernelspec named {@code dltips}. */
    public static Path kernelJson(Path prefix) {
        return prefix.resolve("share/jupyter/kernels/dltips/kernel.json");
    }

    /** Runs a command to completion (at most two minutes) and returns its output; fails on a non-zero exit. */
    static String run(List<String> command, Path log) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("'" + String.join(" ", command) + "' did not finish within 2 minutes");
            }
            String output = Files.readString(log);
            if (process.exitValue() != 0) {
                throw new AssertionError("'" + String.join(" ", command) + "' exited with " + process.exitValue()
                        + "; expected 0. Its output:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
