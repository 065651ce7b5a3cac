package org.dltips.kernel.wire;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A kernel started as a subprocess from the built jar, with a connected {@link WireClient}.
 *
 * <p>{@code try (var kernel = KernelProcess.start(jar, javaHome, dir, "message")) { kernel.client(); }}
 */
public final class KernelProcess implements AutoCloseable {

    private final Process process;
    private final WireClient client;
    private final Path log;
    private final String interruptMode;
    private final long startNanos;
    private long kernelInfoNanos;

    private KernelProcess(Process process, WireClient client, Path log, String interruptMode, long startNanos) {
        this.process = process;
        this.client = client;
        this.log = log;
        this.interruptMode = interruptMode;
        this.startNanos = startNanos;
    }

    /**
     * Starts the kernel and waits (up to a minute) until it answers {@code kernel_info_request} on shell and
     * reports status on IOPub.
     *
     * @param interruptMode {@code message} (interrupt_request on control) or {@code signal} (SIGINT)
     */
    public static KernelProcess start(LaunchCommand command, Path dir, String interruptMode) {
        ConnectionFile connection = ConnectionFile.create(dir);
        Path file = connection.write();
        Path log = dir.resolve(file.getFileName() + ".log");
        long start = System.nanoTime();
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command.forConnectionFile(file)).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(command.env());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the kernel with " + command, e);
        }
        KernelProcess kernel = new KernelProcess(process, new WireClient(connection), log, interruptMode, start);
        kernel.awaitReady(Duration.ofSeconds(60));
        return kernel;
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("kernel exited with " + process.exitValue() + " before answering"
                        + " kernel_info_request; its output:\n" + log());
            }
            String id = client.send("shell", "kernel_info_request", new JsonObject());
            Optional<WireMessage> reply = client.first(m -> m.parentId().equals(id)
                    && m.type().equals("kernel_info_reply"), Duration.ofMillis(500));
            if (reply.isPresent()) {
                kernelInfoNanos = System.nanoTime();
                if (client.first(m -> m.channel().equals("iopub") && m.parentId().equals(id),
                        Duration.ofSeconds(2)).isPresent()) {
                    return;
                }
            }
        }
        close();
        throw new AssertionError("kernel did not answer kernel_info_request with a reply and IOPub status within "
                + timeout.toSeconds() + " s; its output:\n" + log());
    }

    /**
     * How to start the kernel: the installed kernelspec's {@code argv} (with its JVM flags) and {@code env}, as
     * a Jupyter client would, when there is one; else the jar's plain launch command
     * {@code java -jar dltips-kernel.jar kernel <connection-file>}.
     */
    public static LaunchCommand command(KernelJar jar, Path javaHome, JsonObject spec) {
        if (spec != null && spec.has("argv")) {
            List<String> argv = spec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
            Map<String, String> env = new HashMap<>();
            if (spec.has("env")) {
                spec.getAsJsonObject("env").entrySet().forEach(e -> env.put(e.getKey(), e.getValue().getAsString()));
            }
            return new LaunchCommand(argv, env);
        }
        return new LaunchCommand(jar.kernelCommand(javaHome, Path.of("{connection_file}")), Map.of());
    }

    /** A kernel command line with the {@code {connection_file}} placeholder, and extra environment variables. */
    public record LaunchCommand(List<String> argv, Map<String, String> env) {
        List<String> forConnectionFile(Path file) {
            return argv.stream().map(a -> a.replace("{connection_file}", file.toString())).toList();
        }
    }

    /** The connected client. */
    public WireClient client() {
        return client;
    }

    /** The kernel's process id. */
    public long pid() {
        return process.pid();
    }

    /** Whether the kernel process is still running. */
    public boolean alive() {
        return process.isAlive();
    }

    /** Milliseconds from process start to the first {@code kernel_info_reply}. */
    public double launchMillis() {
        return (kernelInfoNanos - startNanos) / 1e6;
    }

    /** Milliseconds since the process was started. */
    public double millisSinceStart() {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    /** Interrupts the running cell the way the kernelspec's {@code interrupt_mode} says a client should. */
    public void interrupt() {
        if (interruptMode.equals("signal")) {
            KernelJar.run(List.of("kill", "-INT", Long.toString(pid())), log.resolveSibling("kill.log"));
        } else {
            String id = client.send("control", "interrupt_request", new JsonObject());
            client.reply("control", id, Duration.ofSeconds(5));
        }
    }

    /** Waits up to {@code timeout} for the process to exit; true when it did. */
    public boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last 4000 characters the kernel printed, for failure messages. */
    public String log() {
        try {
            String text = Files.exists(log) ? Files.readString(log) : "";
            return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Stops the kernel (forcibly if it is still running) and closes the client. */
    @Override
    public void close() {
        client.close();
        if (process.isAlive()) {
            process.destroy();
            if (!awaitExit(Duration.ofSeconds(5))) {
                process.destroyForcibly();
                awaitExit(Duration.ofSeconds(5));
            }
        }
    }
}
