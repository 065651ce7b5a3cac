package org.dltips.train.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A second thread that runs one half of a piece of work while the caller runs the other: {@link Blas} splits a
 * matrix product into two halves this way, each computed by single-threaded BLAS. The thread waits for work
 * spinning for a moment (the products of a training step come a few hundred microseconds apart), then sleeps;
 * it is a daemon, so it never keeps the JVM alive. One caller at a time: a second caller meanwhile is told to
 * do its work alone.
 *
 * <p>{@code if (!SecondLane.shared().runBoth(firstHalf, secondHalf)) { firstHalf.run(); secondHalf.run(); }}
 */
final class SecondLane {

    private static final long SPIN_NANOS = 50_000;
    private static final long WAIT_SPIN_NANOS = 200_000;
    private static volatile SecondLane shared;

    private final AtomicBoolean busy = new AtomicBoolean();
    private final Thread worker;
    private volatile Runnable task;
    private volatile boolean finished;
    private volatile Throwable failure;

    private SecondLane() {
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
     * true once both are done; returns false at once, running neither, when another caller is using the lane.
     * An exception from either is thrown here, after both have finished.
     */
    boolean runBoth(Runnable here, Runnable there) {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        try {
            finished = false;
            failure = null;
            task = there;
            LockSupport.unpark(worker);
            try {
                here.run();
            } finally {
                awaitFinished(); // the other half writes into the same arrays: never return before it is done
            }
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

    private void awaitFinished() {
        long start = System.nanoTime();
        while (!finished) {
            if (System.nanoTime() - start < WAIT_SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
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
        }
    }
}
