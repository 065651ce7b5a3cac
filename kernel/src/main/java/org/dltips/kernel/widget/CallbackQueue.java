package org.dltips.kernel.widget;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dltips.kernel.execution.CellEvaluator;
import org.dltips.kernel.execution.CellGuard;
import org.dltips.kernel.internal.CellStreams;
import org.dltips.kernel.internal.KernelLog;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs widget callbacks on the cell thread, one at a time and never beside a cell, folding repeated requests
 * under one key into one run.
 *
 * <p>A front-end message that led to callbacks gets its {@code idle} status only when the queue is empty
 * again. JupyterLab sends a widget's next change only after the previous one's idle, holding back the
 * changes in between and sending the latest: a dragged slider costs one run per finished run, not one per
 * pixel. Output a callback prints without an output widget answers the message that caused it (JupyterLab
 * shows it in its log console).
 *
 * <p>{@code queue.dispatch(env, () -> widget.updated(state));}
 */
final class CallbackQueue {

    private final CellEvaluator evaluator;
    private final CellStreams streams;
    private final Map<Object, Job> pending = new LinkedHashMap<>();
    private final List<ShellReplyEnvironment> awaitingIdle = new ArrayList<>();
    private ShellReplyEnvironment trigger;
    private boolean draining;

    CallbackQueue(CellEvaluator evaluator, CellStreams streams) {
        this.evaluator = evaluator;
        this.streams = streams;
    }

    /** Delivers a front-end message; its idle status waits for the callbacks it caused. */
    void dispatch(ShellReplyEnvironment env, Runnable delivery) {
        env.setStatusBusy();
        synchronized (this) {
            trigger = env;
        }
        try {
            CellGuard.shielded(delivery);
        } catch (RuntimeException e) {
            KernelLog.warn("a widget failed to take a front-end message: " + e);
        } finally {
            boolean hold;
            synchronized (this) {
                trigger = null;
                hold = draining;
                if (hold) {
                    awaitingIdle.add(env);
                }
            }
            if (!hold) {
                env.setStatusIdle();
            }
        }
    }

    /** Runs {@code task} on the cell thread: at once when called there, else queued (once per key). */
    void schedule(Object key, Runnable task) {
        if (evaluator.isCellThread(Thread.currentThread())) {
            task.run();
            return;
        }
        boolean start;
        synchronized (this) {
            Job job = pending.get(key);
            if (job == null) {
                pending.put(key, new Job(task, trigger));
            } else if (trigger != null) {
                job.env = trigger;
            }
            start = !draining;
            draining = true;
        }
        if (start) {
            evaluator.runLater(this::drain);
        }
    }

    /**
     * On the cell thread: runs queued callbacks until none is left, then lets the front end know. After the stop
     * button the callbacks still waiting are dropped and this drain ends, so that a change arriving from then on
     * starts a fresh one (the stop request is cleared when a task starts, not within one).
     */
    private void drain() {
        boolean emptied = false;
        try {
            while (true) {
                Job job = next();
                if (job == null) {
                    emptied = true;
                    return;
                }
                run(job);
                if (evaluator.isStopRequested()) {
                    return;
                }
            }
        } finally {
            end(emptied);
        }
    }

    private synchronized Job next() {
        Iterator<Job> first = pending.values().iterator();
        if (!first.hasNext()) {
            return null;
        }
        Job job = first.next();
        first.remove();
        return job;
    }

    /**
     * Ends a drain: drops what is queued unless the queue ran empty (a stop, or a failure in the queue itself),
     * drains again if a callback arrived since it did, else releases the idle statuses held back.
     */
    private void end(boolean emptied) {
        List<ShellReplyEnvironment> idle;
        synchronized (this) {
            if (!emptied) {
                pending.clear();
            }
            if (!pending.isEmpty()) {
                evaluator.runLater(this::drain);
                return;
            }
            draining = false;
            idle = new ArrayList<>(awaitingIdle);
            awaitingIdle.clear();
        }
        streams.flush();
        idle.forEach(ShellReplyEnvironment::setStatusIdle);
    }

    private void run(Job job) {
        Runnable restore = streams.redirect(job.env, null);
        try {
            job.task.run();
        } catch (Throwable e) {
            if (evaluator.isStopRequested()) {
                System.err.println("[stopped a widget callback]");
            } else {
                System.err.print("A widget callback failed: ");
                e.printStackTrace();
            }
        } finally {
            restore.run();
        }
    }

    private static final class Job {
        final Runnable task;
        ShellReplyEnvironment env;

        Job(Runnable task, ShellReplyEnvironment env) {
            this.task = task;
            this.env = env;
        }
    }
}
