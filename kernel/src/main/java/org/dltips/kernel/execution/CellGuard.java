package org.dltips.kernel.execution;

/**
 * Checks that instrumented cell code calls at loop back-edges and method entries, so a stop request
 * ends even a tight {@code while (true) {}} without {@code Thread.stop}.
 *
 * <p>{@code CellGuard.requestStop(); // the next CellGuard.check() in cell code throws CellInterruptedError}
 *
 * <p>Public only because instrumented snippet classes, loaded by another class loader, call it.
 */
public final class CellGuard {

    private static volatile boolean stopRequested;
    private static final ThreadLocal<int[]> SHIELDED = ThreadLocal.withInitial(() -> new int[1]);

    private CellGuard() {
    }

    /** Throws {@link CellInterruptedError} when a stop was requested; otherwise one volatile read. */
    public static void check() {
        if (stopRequested && SHIELDED.get()[0] == 0) {
            throw new CellInterruptedError();
        }
    }

    /**
     * Runs the kernel's own work that goes through library code (a widget taking a front-end change, captured
     * output added to an output area) with no stop checks firing: a stop ends the user's code, and the library
     * classes a deep stop (see {@link DeepStop}) gave checks to must not break the kernel's plumbing, which runs
     * on the front-end threads and, between callbacks, on the cell thread, while a stop may still be pending.
     */
    public static void shielded(Runnable work) {
        int[] depth = SHIELDED.get();
        depth[0]++;
        try {
            work.run();
        } finally {
            depth[0]--;
        }
    }

    /** Stands in for {@code System.exit(status)} in cell code. */
    public static void exit(int status) {
        throw new KernelExitException("System.exit(" + status + ")");
    }

    /** Stands in for {@code Runtime.getRuntime().exit(status)} in cell code. */
    public static void runtimeExit(Runtime runtime, int status) {
        throw new KernelExitException("Runtime.exit(" + status + ")");
    }

    /** Stands in for {@code Runtime.getRuntime().halt(status)} in cell code. */
    public static void runtimeHalt(Runtime runtime, int status) {
        throw new KernelExitException("Runtime.halt(" + status + ")");
    }

    static void requestStop() {
        stopRequested = true;
    }

    static void clearStop() {
        stopRequested = false;
    }

    static boolean isStopRequested() {
        return stopRequested;
    }
}
