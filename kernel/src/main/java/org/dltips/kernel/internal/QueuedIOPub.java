package org.dltips.kernel.internal;

import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The kernel's IOPub socket with one thread of its own that does all the sending. Whichever thread publishes
 * (the shell loop's status messages, the cell's displays, the output flusher), messages leave in the order they
 * were handed over, and the socket is only ever used by that one thread.
 *
 * <p>{@code iopub.sendMessage(message); iopub.awaitSent(); // everything handed over so far has been sent}
 */
public final class QueuedIOPub extends IOPubChannel {

    private static final Object STOP = new Object();

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread sender;
    private volatile boolean closed;

    QueuedIOPub(ZMQ.Context context, HMACGenerator hmac) {
        super(context, hmac);
        sender = new Thread(this::sendInOrder, "dltips-iopub");
        sender.setDaemon(true);
        sender.start();
    }

    /** Hands {@code message}, dated now, to the sending thread; returns at once. */
    @Override
    public void sendMessage(Message<?> message) {
        if (!closed) {
            queue.add(Timestamps.now(message));
        }
    }

    /**
     * Returns once every message handed over before this call has left the socket (or after 10 s, with a line
     * in the kernel log, should the sending thread be stuck).
     */
    public void awaitSent() {
        if (closed || Thread.currentThread() == sender) {
            return;
        }
        CountDownLatch sent = new CountDownLatch(1);
        queue.add(sent);
        try {
            if (!sent.await(10, TimeUnit.SECONDS)) {
                KernelLog.warn("IOPub messages still unsent after 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendInOrder() {
        while (true) {
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (item == STOP) {
                return;
            }
            if (item instanceof CountDownLatch sent) {
                sent.countDown();
                continue;
            }
            try {
                super.sendMessage((Message<?>) item);
            } catch (RuntimeException e) {
                KernelLog.warn("could not send an IOPub message: " + e);
            }
        }
    }

    /** Sends what is queued, then closes the socket. */
    @Override
    public void close() {
        awaitSent();
        closed = true;
        queue.add(STOP);
        try {
            sender.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        super.close();
    }
}
