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

    private CellGuard() {
    }

    /** Throws {@link CellInterruptedError} when a stop was requested; otherwise one volatile read. */
    public static void check() {
        if (stopRequested) {
            throw new CellInterruptedError();
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
