package org.dltips.kernel.magic;

import org.dltips.kernel.execution.CellFailure;
import org.dltips.kernel.execution.CellResult;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code %time} and {@code %%time}: wall time, and the CPU time of the whole kernel process (native BLAS threads,
 * garbage collection and compilation included), split into user and system time as Linux counts them.
 *
 * <p>{@code %time net.fit(data, 1)  // prints "CPU times: user 2.1 s, sys 40 ms, total 2.14 s" and "Wall time: 2.2 s"}
 */
final class TimeMagic {

    private TimeMagic() {
    }

    static CellResult line(String args, int line, MagicContext context) throws CellFailure {
        if (args.isBlank()) {
            throw MagicError.of("%time needs code on the same line, e.g. %time net.fit(data, 1); "
                    + "to time a whole cell, start it with %%time");
        }
        return timed(() -> context.java(args, line));
    }

    static CellResult cell(String args, String body, int bodyLine, MagicContext context) throws CellFailure {
        String code = "\n".repeat(Math.max(0, bodyLine - 1)) + (args.isBlank() ? "" : args + "\n") + body;
        return timed(() -> context.cell(code));
    }

    private interface Body {
        CellResult run() throws CellFailure;
    }

    /** Runs {@code body} and prints its times, also when it fails, then passes on its result or failure. */
    private static CellResult timed(Body body) throws CellFailure {
        Cpu before = Cpu.now();
        long wall = System.nanoTime();
        try {
            return body.run();
        } finally {
            long elapsed = System.nanoTime() - wall;
            Cpu used = Cpu.now().minus(before);
            System.out.println("CPU times: user " + format(used.user()) + ", sys " + format(used.system())
                    + ", total " + format(used.total()));
            System.out.println("Wall time: " + format(elapsed));
        }
    }

    /** A duration the way a reader wants it: three significant digits and a unit, minutes past a minute. */
    static String format(long nanos) {
        double s = nanos / 1e9;
        if (s >= 60) {
            long whole = Math.round(s);
            long h = whole / 3600;
            long m = whole % 3600 / 60;
            long rest = whole % 60;
            return (h > 0 ? h + " h " : "") + m + " min " + rest + " s";
        }
        String[] units = {"s", "ms", "µs", "ns"};
        double v = s;
        int u = 0;
        while (u < units.length - 1 && v != 0 && Math.abs(v) < 1) {
            v *= 1000;
            u++;
        }
        if (v == 0) {
            return "0 ns";
        }
        String digits = v >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        return digits + " " + units[u];
    }

    /**
     * CPU time of this process. The total comes from the JVM (to the nanosecond); Linux's per-process counters
     * (in 10 ms ticks) tell how much of it was system time. Without them all of it counts as user time.
     */
    record Cpu(long total, long systemTicks) {

        private static final long TICK_NANOS = 10_000_000L;

        static Cpu now() {
            long total = ManagementFactory.getOperatingSystemMXBean() instanceof
                    com.sun.management.OperatingSystemMXBean os ? Math.max(0, os.getProcessCpuTime()) : 0;
            return new Cpu(total, readSystemTicks());
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(Math.max(0, total - earlier.total), Math.max(0, systemTicks - earlier.systemTicks));
        }

        long system() {
            return Math.min(total, systemTicks * TICK_NANOS);
        }

        long user() {
            return total - system();
        }

        /** Field 15 of {@code /proc/self/stat}, system time in clock ticks; 0 where there is no such file. */
        private static long readSystemTicks() {
            try {
                String stat = Files.readString(Path.of("/proc/self/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }
}
