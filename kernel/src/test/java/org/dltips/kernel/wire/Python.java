package org.dltips.kernel.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Python that drives real Jupyter clients in tests: {@code $DLTIPS_PYTHON}, else {@code /usr/bin/python3},
 * else {@code python3} on the PATH. Missing modules fail the test with what to install.
 *
 * <p>{@code Python.require("jupyter_client", "jupyter_kernel_test")} before running a client.
 */
public final class Python {

    /** How to get the Jupyter modules the tests need. */
    public static final String HOW_TO_INSTALL = "install them with: apt-get install jupyter-client"
            + " python3-nbclient jupyter-nbconvert python3-jupyter-kernel-test jupyter-console python3-zmq (Debian),"
            + " or: conda env create -f environment.yml && conda activate dltips";

    private Python() {
    }

    /** The interpreter to use. */
    public static String executable() {
        String configured = System.getenv("DLTIPS_PYTHON");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    /** Fails with what to install unless every module imports. */
    public static void require(String... modules) {
        List<String> command = List.of(executable(), "-c", "import " + String.join(", ", modules));
        Result result;
        try {
            result = run(command, Path.of("."), Map.of(), 60);
        } catch (UncheckedIOException e) {
            throw new AssertionError("cannot run " + executable() + " (" + e.getCause().getMessage()
                    + "); expected Python 3 with " + String.join(", ", modules) + "; " + HOW_TO_INSTALL, e);
        }
        if (result.exit() != 0) {
            throw new AssertionError(executable() + " cannot import " + String.join(", ", modules) + ": "
                    + result.output().strip() + "\nThese tests need them; " + HOW_TO_INSTALL);
        }
    }

    /** Runs a full command (interpreter first) with extra environment variables and returns what it did. */
    public static Result run(List<String> command, Path workDir, Map<String, String> env, long timeoutSeconds) {
        try {
            Path log = Files.createTempFile("dltips-python", ".log");
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log);
            Files.deleteIfExists(log);
            return new Result(finished ? process.exitValue() : -1, output, !finished);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a finished command did: exit code (-1 when it timed out), its output, and whether it timed out. */
    public record Result(int exit, String output, boolean timedOut) {
    }
}
