package org.dltips.kernel.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One kernel per JDK for a group of dynamic tests: installed once (to learn its interrupt mode), started on first
 * use, restarted when a test left it dead.
 *
 * <p>{@code fixture.run("1+2").result("text/plain")}
 */
public final class KernelFixture implements AutoCloseable {

    private final KernelJar jar = KernelJar.find();
    private final Path javaHome;
    private final Path dir;
    private boolean installed;
    private JsonObject spec;
    private KernelProcess kernel;

    /** A fixture for one JDK, keeping its files in a fresh folder under {@code parent}. */
    public KernelFixture(Path javaHome, Path parent) {
        this.javaHome = javaHome;
        try {
            this.dir = Files.createDirectories(parent.resolve(Jdks.label(javaHome)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Java home this kernel runs on. */
    public Path javaHome() {
        return javaHome;
    }

    /** The built kernel jar. */
    public KernelJar jar() {
        return jar;
    }

    /**
     * The kernelspec's interrupt mode, {@code signal} when the spec leaves it out (Jupyter's default). When
     * {@code install} itself fails (KernelspecIT reports that), the wire tests go on with {@code message}.
     */
    public String interruptMode() {
        JsonObject installed = spec();
        if (installed == null) {
            return "message";
        }
        return installed.has("interrupt_mode") ? installed.get("interrupt_mode").getAsString() : "signal";
    }

    /** The installed kernelspec, or null when {@code install} failed. */
    private JsonObject spec() {
        if (!installed) {
            installed = true;
            try {
                spec = jar.install(javaHome, dir.resolve("prefix"));
            } catch (AssertionError e) {
                System.out.println("install failed; starting the kernel with the plain launch command: "
                        + e.getMessage());
            }
        }
        return spec;
    }

    /** The running kernel, started (or restarted, if a previous test killed it) as needed. */
    public KernelProcess kernel() {
        if (kernel == null || !kernel.alive()) {
            if (kernel != null) {
                kernel.close();
            }
            kernel = KernelProcess.start(KernelProcess.command(jar, javaHome, spec()), dir, interruptMode());
        }
        return kernel;
    }

    /** Stops the kernel (a later call starts a fresh one), after a case left it unable to answer. */
    public void restart() {
        if (kernel != null) {
            kernel.close();
        }
    }

    /** The kernel last started, without restarting it, or null before the first start. */
    public KernelProcess current() {
        return kernel;
    }

    /** The connected client of the running kernel. */
    public WireClient client() {
        return kernel().client();
    }

    /**
     * Executes a cell with default options. A cell sent after the previous one's error reply arrived is never
     * aborted by it (KernelRequestsIT pins the rule), so no pause is needed.
     */
    public Execution run(String code) {
        Execution cell = Execution.run(client(), code);
        return cell;
    }

    /** Executes a cell and checks it succeeded, returning it for further checks. */
    public Execution ok(String code) {
        Execution cell = run(code);
        assertEquals("ok", cell.status(), () -> "expected status ok for " + cell.describe());
        return cell;
    }

    /**
     * Checks that the kernel is alive and computes a fresh cell, after a fault named {@code fault}.
     *
     * @throws AssertionError naming the fault and showing the kernel's output when it does not answer
     */
    public void assertAnswers(String fault) {
        assertTrue(kernel != null && kernel.alive(), () -> "kernel process exited after " + fault + "; expected"
                + " it to survive and answer the next cell. Kernel output:\n" + (kernel == null ? "" : kernel.log()));
        Execution next = Execution.run(client(), "6 * 7", new JsonObject(), java.time.Duration.ofSeconds(30));
        assertEquals("ok", next.status(), () -> "after " + fault + " the next cell failed: " + next.describe());
        assertTrue(next.result("text/plain").contains("42"), () -> "after " + fault
                + " the next cell did not show 42: " + next.describe());
    }

    @Override
    public void close() {
        if (kernel != null) {
            kernel.close();
        }
    }
}
