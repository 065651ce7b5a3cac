package org.dltips.notebooks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one notebook through the dltips kernel with nbclient ({@code src/test/python/run_notebook.py}) and returns
 * its JSON report. The kernelspec is installed once into {@code target/jupyter-prefix}.
 *
 * <p>Notebooks whose file name matches {@value #LAB_PROPERTY} run in JupyterLab instead, in headless Chromium
 * ({@code src/test/browser/lab-run.sh}, which also checks what the page shows); the copy JupyterLab saved is then
 * inspected the same way. CI sets it for the live demo and the homework, so that they run once, in the front end
 * students use, and not once more through nbclient.
 *
 * <p>{@code NotebookRunner.shared().run(Path.of("notebooks/01-loss.ipynb"))}
 */
final class NotebookRunner {

    static final String HOW_TO_INSTALL = "install them with: apt-get install jupyter-client python3-nbclient"
            + " jupyter-nbconvert python3-zmq (Debian), or: conda env create -f environment.yml";
    /** A regular expression: notebooks whose file name matches it run in JupyterLab. */
    static final String LAB_PROPERTY = "dltips.lab.notebooks";
    private static NotebookRunner shared;

    private final Path prefix;
    private final Path executedDir;

    private NotebookRunner(Path target) {
        this.prefix = target.resolve("jupyter-prefix");
        this.executedDir = target.resolve("executed-notebooks");
    }

    /** The runner for this test JVM, installing the kernelspec on first use. */
    static synchronized NotebookRunner shared() {
        if (shared == null) {
            NotebookRunner runner = new NotebookRunner(Path.of("target").toAbsolutePath());
            runner.checkPython();
            runner.install();
            shared = runner;
        }
        return shared;
    }

    static String python() {
        String configured = System.getenv("DLTIPS_PYTHON");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    private void checkPython() {
        Result result = exec(List.of(python(), "-c", "import nbclient, nbformat, jupyter_client"), 60);
        if (result.exit != 0) {
            throw new AssertionError(python() + " cannot import nbclient, nbformat, jupyter_client: "
                    + result.output.strip() + "\nThe notebook tests need them; " + HOW_TO_INSTALL);
        }
    }

    static Path jar() {
        return Path.of(System.getProperty("dltips.kernel.jar", "../kernel/target/dltips-kernel.jar")).toAbsolutePath();
    }

    private void install() {
        Path jar = jar();
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("kernel jar not found at " + jar.toAbsolutePath() + "; build it with:"
                    + " mvn -B -q -pl kernel -am package -DskipTests");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Result result = exec(List.of(java, "-jar", jar.toString(), "install", "--prefix", prefix.toString(),
                "--name", "dltips"), 120);
        if (result.exit != 0 || !Files.isRegularFile(prefix.resolve("share/jupyter/kernels/dltips/kernel.json"))) {
            throw new AssertionError("installing the kernelspec into " + prefix + " failed (exit " + result.exit
                    + "); expected share/jupyter/kernels/dltips/kernel.json there. Output:\n" + result.output);
        }
    }

    /** Executes {@code notebook}, keeping the executed copy in {@code target/executed-notebooks}. */
    JsonObject run(Path notebook, long timeoutSeconds) {
        Path executed = executedCopy(notebook);
        String inLab = System.getProperty(LAB_PROPERTY, "");
        if (!inLab.isBlank() && notebook.getFileName().toString().matches(inLab)) {
            return runInLab(notebook, timeoutSeconds);
        }
        return report("run_notebook.py", notebook, List.of(executed.toString(), "--kernel", "dltips"), timeoutSeconds,
                "the whole notebook set must run within 30 minutes");
    }

    /**
     * Runs {@code notebook} in JupyterLab, which saves the executed copy where {@link #run} keeps it, then
     * inspects that copy; what the page showed wrong (its failed checks) is added to the report's errors.
     */
    JsonObject runInLab(Path notebook, long timeoutSeconds) {
        Path executed = executedCopy(notebook);
        Path script = Path.of("src", "test", "browser", "lab-run.sh").toAbsolutePath();
        String stem = notebook.getFileName().toString().replaceFirst("\\.ipynb$", "");
        Path out = executedDir.getParent().resolve("lab-notebooks").resolve(stem);
        long minutes = Math.max(1, Math.min(20, timeoutSeconds / 60 - 1));
        try {
            Files.deleteIfExists(executed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Result lab = exec(List.of("bash", script.toString(), "--kernel", "dltips", "--kernel-jar", jar().toString(),
                "--out", out.toString(), "--progress", "epoch \\d+/\\d+", "--timeout-min", String.valueOf(minutes),
                "--no-by-hand", "--executed", executedDir.toString(), "--notebook", notebook.toAbsolutePath().toString()),
                timeoutSeconds);
        if (!Files.isRegularFile(executed)) {
            throw new AssertionError(notebook.getFileName() + ": JupyterLab saved no executed copy (lab-run.sh exit "
                    + lab.exit + (lab.timedOut ? ", timed out" : "") + "); its output:\n" + tail(lab.output));
        }
        JsonObject report = inspect(notebook, executed, "JupyterLab");
        List<String> failed = lab.output.lines().filter(line -> line.startsWith("FAIL - ")).toList();
        for (String line : failed) {
            JsonObject error = new JsonObject();
            error.addProperty("cell", -1);
            error.addProperty("ename", "JupyterLab");
            error.addProperty("evalue", line + " (screenshots in " + out + ")");
            error.addProperty("source", "");
            report.getAsJsonArray("errors").add(error);
        }
        if (failed.isEmpty() && lab.exit != 0) {
            report.addProperty("exit", lab.exit);
            report.addProperty("log", tail(lab.output));
        }
        return report;
    }

    /**
     * The report of {@code executed}, a copy of {@code notebook} that {@code frontEnd} has run and saved, without
     * running it again; a copy of other code, or one with cells that did not run, is reported as a problem.
     */
    JsonObject inspect(Path notebook, Path executed, String frontEnd) {
        return report("run_notebook.py", notebook, List.of(executed.toString(), "--ran-in", frontEnd), 120,
                "inspecting a saved notebook takes seconds");
    }

    /** Where {@link #run} keeps the executed copy of {@code notebook}. */
    Path executedCopy(Path notebook) {
        return executedDir.resolve(notebook.getFileName());
    }

    private static String tail(String output) {
        return output.length() > 4000 ? output.substring(output.length() - 4000) : output;
    }

    /**
     * Executes every cell of {@code notebook} {@code passes} times in one kernel, measuring the kernel after each
     * pass ({@code src/test/python/soak_notebook.py}); the last pass's copy goes to
     * {@code target/executed-notebooks/soak-<name>}.
     */
    JsonObject soak(Path notebook, int passes, long timeoutSeconds) {
        Path executed = executedDir.resolve("soak-" + notebook.getFileName());
        return report("soak_notebook.py", notebook, List.of(executed.toString(), "--passes", String.valueOf(passes),
                "--kernel", "dltips"), timeoutSeconds, "raise it with -Ddltips.soak.minutes if the machine is busy");
    }

    private JsonObject report(String scriptName, Path notebook, List<String> arguments, long timeoutSeconds,
            String limit) {
        Path script = Path.of("src", "test", "python", scriptName).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(python(), script.toString(),
                notebook.toAbsolutePath().toString()));
        command.addAll(arguments);
        Result result = exec(command, timeoutSeconds);
        if (result.timedOut) {
            throw new AssertionError(notebook.getFileName() + " did not finish within " + timeoutSeconds
                    + " s; " + limit + ". Output so far:\n" + result.output);
        }
        String[] lines = result.output.strip().split("\n");
        String last = lines[lines.length - 1];
        if (!last.startsWith("{")) {
            throw new AssertionError("the notebook runner printed no JSON report for " + notebook.getFileName()
                    + " (exit " + result.exit + "); its output:\n" + result.output);
        }
        JsonObject report = JsonParser.parseString(last).getAsJsonObject();
        report.addProperty("exit", result.exit);
        report.addProperty("log", result.output.length() > 4000 ? result.output.substring(0, 4000) : result.output);
        return report;
    }

    /** Runs a Python script of this module with the test kernelspec installed; returns its output, fails on exit != 0. */
    String python(List<String> args, long timeoutSeconds) {
        List<String> command = new ArrayList<>(List.of(python()));
        command.addAll(args);
        Result result = exec(command, timeoutSeconds);
        if (result.exit != 0) {
            throw new AssertionError(String.join(" ", args) + " failed (exit " + result.exit
                    + (result.timedOut ? ", timed out after " + timeoutSeconds + " s" : "") + "):\n" + tail(result.output));
        }
        return result.output;
    }

    private Result exec(List<String> command, long timeoutSeconds) {
        try {
            Files.createDirectories(executedDir);
            Path log = Files.createTempFile(executedDir, "run", ".log");
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
            env.put("JUPYTER_RUNTIME_DIR", prefix.resolve("runtime").toString());
            Process process = builder.start();
            boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log);
            Files.delete(log);
            return new Result(finished ? process.exitValue() : -1, output, !finished);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Result(int exit, String output, boolean timedOut) {
    }
}
