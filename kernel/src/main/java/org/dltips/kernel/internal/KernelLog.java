package org.dltips.kernel.internal;

import java.io.PrintStream;
import java.time.LocalTime;

/**
 * The kernel's own log: the process's original standard error, which Jupyter shows in its server log,
 * captured before cell output is redirected.
 *
 * <p>{@code KernelLog.warn("rejected a message: bad signature");}
 */
public final class KernelLog {

    private static final PrintStream ERR = System.err;

    private KernelLog() {
    }

    /** Captures the original standard error; call before {@code System.setErr}. */
    static void init() {
        ERR.flush();
    }

    /** Logs one line with a time stamp. */
    public static void warn(String message) {
        ERR.println("[dltips " + LocalTime.now().withNano(0) + "] " + message);
        ERR.flush();
    }
}
