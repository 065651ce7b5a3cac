package org.dltips.kernel.execution;

/**
 * Start-up timing lines on the kernel's log when {@code -Ddltips.timing=true}.
 *
 * <p>{@code Timing.log("JShell ready", t0);}
 */
final class Timing {

    private static final boolean ON = Boolean.getBoolean("dltips.timing");

    private Timing() {
    }

    static void log(String what, long startNanos) {
        if (ON) {
            org.dltips.kernel.internal.KernelLog.warn(what + " after " + (System.nanoTime() - startNanos) / 1_000_000
                    + " ms");
        }
    }
}
