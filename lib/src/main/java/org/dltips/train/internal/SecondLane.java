package org.dltips.train.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A second thread that runs one half of a piece of work while the caller runs the other: {@link Blas} splits a
 * matrix product into two halves this way, each computed by single-threaded BLAS. The thread waits for work
 * spinning for a moment (the products of a training step follow each other closely), then sleeps;
 * it is a daemon, so it never keeps the JVM alive. One caller at a time: a second caller meanwhile is told to
 * do its work alone.
 *
 * <p>{@code if (!SecondLane.shared().runBoth(firstHalf, secondHalf)) { firstHalf.run(); secondHalf.run(); }}
 */
final class SecondLane {

    /** How long the lane spins for new work, and the caller for the other half, before they sleep. */
    private static final long SPIN_NANOS = 20_000;
    /** The other half is late when the caller waits longer than its own half took, and at least this long. */
    private static final long LATE_NANOS = 200_000;
    /** Out of this many runs, this many late ones mean the cores are shared with other work: ... */
    private static final int WINDOW = 64;
    private static final int LATE_LIMIT = 16;
    /** ... and the callers work alone for this many runs before the lane is tried again. */
    private static final int ALONE_RUNS = 1024;
    private static volatile SecondLane shared;

    private final AtomicBoolean busy = new AtomicBoolean();
    private final Thread worker;
    private volatile Runnable task;
    private volatile Thread waiting; // the caller, woken when the other half is done
    private volatile boolean finished;
    private volatile Throwable failure;
    private int runs; // in the current window; these three are only touched by the caller holding busy
    private int late;
    private int aloneLeft;

    /** A lane of its own (tests); the library uses {@link #shared}. */
    SecondLane() {
        worker = new Thread(this::serve, "dltips-products");
        worker.setDaemon(true);
        worker.start();
    }

    /** The JVM's second lane, started on first use. */
    static SecondLane shared() {
        SecondLane lane = shared;
        if (lane == null) {
            synchronized (SecondLane.class) {
                lane = shared;
                if (lane == null) {
                    lane = new SecondLane();
                    shared = lane;
                }
            }
        }
        return lane;
    }

    /**
     * Runs {@code here} on the calling thread and {@code there} on the second lane at the same time, and returns
     * true once both are done; returns false at once, running neither, when another caller is using the lane or
     * while the lane is set aside after late halves ({@link #count}).
     * An exception from either is thrown here, after both have finished.
     */
    boolean runBoth(Runnable here, Runnable there) {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        if (aloneLeft > 0) {
            aloneLeft--;
            busy.set(false);
            return false;
        }
        try {
            finished = false;
            failure = null;
            waiting = Thread.currentThread();
            task = there;
            LockSupport.unpark(worker);
            long start = System.nanoTime();
            long own = 0;
            try {
                here.run();
                own = System.nanoTime() - start;
            } finally {
                awaitFinished(); // the other half writes into the same arrays: never return before it is done
            }
            count(own, System.nanoTime() - start - own);
            Throwable t = failure;
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            return true;
        } finally {
            busy.set(false);
        }
    }

    /**
     * Counts a run whose other half came {@code waited} nanoseconds after this one's {@code own}. On cores that
     * other work shares (another student's kernel in a loop), the scheduler often leaves one of the two halves
     * waiting for a time slice of milliseconds while the product takes a fraction of one; then the halves are
     * slower than one thread alone, and the callers work alone for a while. In the JupyterHub check (2-core AMD
     * EPYC), a kernel training in halves took 2.04-2.14 times as long beside another kernel's busy loop as alone,
     * past the bound of 2 for two cores shared with one loop; with this rule 1.36 times.
     */
    private void count(long own, long waited) {
        if (waited > Math.max(own, LATE_NANOS)) {
            late++;
        }
        if (late >= LATE_LIMIT) {
            aloneLeft = ALONE_RUNS;
            runs = 0;
            late = 0;
        } else if (++runs >= WINDOW) {
            runs = 0;
            late = 0;
        }
    }

    /**
     * Waits for the other half: spinning briefly (it usually ends within microseconds of this one), then asleep
     * until the lane wakes this thread, so that on cores shared with other work (another student's kernel) the
     * wait does not take the processor the other half needs.
     */
    private void awaitFinished() {
        long start = System.nanoTime();
        while (!finished && System.nanoTime() - start < SPIN_NANOS) {
            Thread.onSpinWait();
        }
        while (!finished) {
            LockSupport.park(this);
        }
    }

    private void serve() {
        while (true) {
            Runnable work;
            long idleSince = System.nanoTime();
            while ((work = task) == null) {
                if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            task = null;
            try {
                work.run();
            } catch (Throwable t) {
                failure = t;
            }
            finished = true;
            LockSupport.unpark(waiting);
        }
    }
}
