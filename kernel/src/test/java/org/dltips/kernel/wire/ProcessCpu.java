package org.dltips.kernel.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the CPU time a process has used, from {@code /proc/<pid>/stat}, to tell an idle kernel from a busy one.
 *
 * <p>{@code ProcessCpu.busyFraction(pid, 1000)} is about 1.0 while one thread spins, near 0 when idle.
 */
public final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** User plus system CPU seconds of all threads of {@code pid} so far. */
    public static double seconds(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String text = Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            long userTicks = Long.parseLong(fields[11]);
            long systemTicks = Long.parseLong(fields[12]);
            return (userTicks + systemTicks) / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stat + "; the kernel process " + pid
                    + " has exited or this is not Linux", e);
        }
    }

    /** CPU seconds used per wall-clock second over a window of {@code millis} ms. */
    public static double busyFraction(long pid, long millis) {
        double before = seconds(pid);
        long start = System.nanoTime();
        sleep(millis);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return (seconds(pid) - before) / elapsed;
    }

    /** Waits until the process is quiet (below {@code limit} CPU s/s over 1 s) or {@code maxMillis} pass. */
    public static double awaitQuiet(long pid, double limit, long maxMillis) {
        long deadline = System.currentTimeMillis() + maxMillis;
        double busy = busyFraction(pid, 1000);
        while (busy >= limit && System.currentTimeMillis() < deadline) {
            busy = busyFraction(pid, 1000);
        }
        return busy;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring kernel CPU", e);
        }
    }
}
