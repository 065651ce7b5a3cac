package org.dltips.kernel.execution;

import org.dltips.kernel.internal.KernelLog;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that runs cell code: a large stack (deep recursion fails cleanly with a
 * {@link StackOverflowError}), the cell class loader as context class loader (so ND4J finds its backend),
 * and a stop that works on every Java version.
 *
 * <p>{@code Object value = cellThread.call(() -> jshell.eval("1+2"));}
 */
final class CellThread {

    private static final long STACK_BYTES = 64L * 1024 * 1024;

    private final ExecutorService executor;
    private final ScheduledExecutorService watchdog;
    private volatile Thread thread;
    private volatile boolean busy;
    private volatile long tasks;

    CellThread(ClassLoader contextLoader) {
        executor = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(null, task, "dltips-cell", STACK_BYTES);
            t.setContextClassLoader(contextLoader);
            t.setDaemon(true);
            thread = t;
            return t;
        });
        watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "dltips-stop-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code task} on the cell thread and waits for it; a stop request ends it early. */
    <T> T call(Callable<T> task) throws Exception {
        Future<T> future = executor.submit(() -> guarded(task));
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        }
    }

    /**
     * Runs {@code task} on the cell thread after what is queued there, without waiting; a stop ends it like a
     * cell. What it throws is logged: it must not end the cell thread.
     */
    void submit(Runnable task) {
        executor.execute(() -> {
            try {
                guarded(() -> {
                    task.run();
                    return null;
                });
            } catch (Throwable e) {
                KernelLog.warn("a task on the cell thread failed: " + e);
            }
        });
    }

    /** On the cell thread: one task, marked busy, with the stop request and interrupt status of the last one gone. */
    private <T> T guarded(Callable<T> task) throws Exception {
        CellGuard.clearStop();
        Thread.interrupted();
        tasks++;
        busy = true;
        try {
            return task.call();
        } finally {
            busy = false;
            Thread.interrupted();
        }
    }

    /**
     * Stops the running cell: instrumented cell code stops at its next loop turn, sleeps and waits end with
     * {@link InterruptedException}; code that ignores both is dealt with after 0.6 s (see {@link #forceStop}).
     * With no cell running, threads that earlier cells started and left looping are stopped the same way.
     */
    void stop() {
        CellGuard.requestStop();
        if (!busy) {
            return;
        }
        Thread t = thread;
        long task = tasks;
        if (t != null) {
            t.interrupt();
            watchdog.schedule(() -> forceStop(t, task), 600, TimeUnit.MILLISECONDS);
        }
    }

    boolean isBusy() {
        return busy;
    }

    Thread thread() {
        return thread;
    }

    /**
     * For code that ignored the stop for 0.6 s: Thread.stop where it exists, else add checks to its classes. Only
     * the task the stop was meant for: one that started since is left alone.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private void forceStop(Thread t, long task) {
        if (!busy || tasks != task || !CellGuard.isStopRequested()) {
            return;
        }
        if (Runtime.version().feature() < 20) {
            t.stop();
        } else {
            DeepStop.stop(t);
        }
    }

    void shutdown() {
        stop();
        executor.shutdownNow();
        watchdog.shutdownNow();
    }
}
