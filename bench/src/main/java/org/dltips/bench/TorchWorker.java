package org.dltips.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A long-lived PyTorch process (bench/src/main/python/torch_worker.py) driven line by line, so that DL4J
 * and PyTorch runs can alternate in the same time window.
 *
 * <p>{@code try (TorchWorker t = TorchWorker.start(settings)) { double[] s = t.train(1, 100, 2, 10_000); }}
 */
final class TorchWorker implements AutoCloseable {
    private final Process process;
    private final BufferedReader in;
    private final PrintWriter out;
    final String version;
    /** User and system CPU seconds per epoch of the last {@link #train} call. */
    double[] lastCpu = {Double.NaN, Double.NaN};

    private TorchWorker(Process process) throws IOException {
        this.process = process;
        this.in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.out = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.version = readAnswer("start");
    }

    /** Starts the worker with our tuning variables (OMP_*, GOMP_*, OPENBLAS_*, MKL_*, LD_PRELOAD) removed, so PyTorch runs as installed. */
    static TorchWorker start(Settings s) throws IOException {
        Path script = Path.of(s.get("worker"));
        if (!Files.isRegularFile(script)) {
            throw new IOException("PyTorch worker script " + script.toAbsolutePath() + " not found; expected it at "
                    + "bench/src/main/python/torch_worker.py: run from the repository root or pass worker=<path>");
        }
        ProcessBuilder pb = new ProcessBuilder(s.get("python"), script.toString());
        pb.environment().keySet().removeIf(k -> k.startsWith("OMP_") || k.startsWith("GOMP_")
                || k.startsWith("OPENBLAS_") || k.startsWith("MKL_") || k.startsWith("KMP_") || k.equals("LD_PRELOAD"));
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        return new TorchWorker(pb.start());
    }

    void load(Path features, Path labels, int rows, int cols) throws IOException {
        ask("load " + features + " " + labels + " " + rows + " " + cols);
    }

    /** Seconds of each epoch of a fresh network trained at the lecture's rate. */
    double[] train(int threads, int batch, int epochs, int samples) throws IOException {
        return train(threads, batch, epochs, samples, LectureNet.RATE);
    }

    /** Seconds of each epoch of a fresh network trained with SGD at {@code rate}. */
    double[] train(int threads, int batch, int epochs, int samples, double rate) throws IOException {
        String[] words = ask("train " + threads + " " + batch + " " + epochs + " " + samples + " " + rate).split(" ");
        for (String w : words) {
            if (w.startsWith("user=")) {
                lastCpu[0] = Double.parseDouble(w.substring(5));
            } else if (w.startsWith("sys=")) {
                lastCpu[1] = Double.parseDouble(w.substring(4));
            }
        }
        return Arrays.stream(words).filter(w -> !w.contains("=")).mapToDouble(Double::parseDouble).toArray();
    }

    /** Seconds of each epoch of a fresh network of a course notebook, given by its {@link CourseNet} spec. */
    double[] course(int threads, int batch, int epochs, int samples, String spec) throws IOException {
        String[] words = ask("course " + threads + " " + batch + " " + epochs + " " + samples + " " + spec).split(" ");
        return Arrays.stream(words).filter(w -> !w.contains("=")).mapToDouble(Double::parseDouble).toArray();
    }

    /** GFLOP/s of a {@code size x size} float32 torch.mm with the given thread count. */
    double peak(int threads, int size, int repeats) throws IOException {
        return Double.parseDouble(ask("peak " + threads + " " + size + " " + repeats));
    }

    private String ask(String command) throws IOException {
        out.println(command);
        return readAnswer(command);
    }

    private String readAnswer(String command) throws IOException {
        String line = in.readLine();
        if (line == null || !line.startsWith("ok")) {
            throw new IOException("PyTorch worker answered '" + line + "' to '" + command + "'; expected 'ok ...'."
                    + " Check that python3-torch is installed (apt-get install -y python3-torch libopenblas0-pthread)");
        }
        return line.substring(2).trim();
    }

    @Override
    public void close() {
        out.println("quit");
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }
}
