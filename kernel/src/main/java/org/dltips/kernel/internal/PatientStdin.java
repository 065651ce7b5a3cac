package org.dltips.kernel.internal;

import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.reply.InputReply;
import org.dflib.jjava.jupyter.messages.request.InputRequest;
import org.zeromq.ZMQ;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The stdin channel, asked for one line at a time: sends {@code input_request} and waits for the reply that
 * answers it, looking every 20 ms whether the wait should end (the stop button), so a pending question never
 * holds the kernel. Answers waiting before a question is sent belong to questions given up on and are
 * dropped, as is an answer whose parent header names another question (some clients send no parent).
 *
 * <p>The socket is used by one thread of its own, never by the thread that asks: the stop button interrupts
 * the cell thread, and an interrupt that lands inside JeroMQ closes the pipe its socket signals through, after
 * which the socket hangs for good. The asking thread only waits for that thread's answer, which an interrupt
 * ends cleanly.
 *
 * <p>{@code Optional<String> line = stdin.ask(executeRequest, "", false, stopped);}
 */
public final class PatientStdin extends StdinChannel {

    private static final long LOOK_MILLIS = 20;

    private final ExecutorService socketThread = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "dltips-stdin");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closing;

    public PatientStdin(ZMQ.Context ctx, HMACGenerator hmac) {
        super(ctx, hmac);
    }

    /**
     * Asks the front end that sent {@code parent} for a line; empty when {@code giveUp} said so first.
     *
     * @throws InterruptedException when the asking thread is interrupted; the question is then given up
     */
    public Optional<String> ask(MessageContext parent, String prompt, boolean password,
                                BooleanSupplier giveUp) throws InterruptedException {
        AtomicBoolean over = new AtomicBoolean();
        Future<Optional<String>> answer = socketThread.submit(() -> awaitAnswer(parent, prompt, password, over));
        try {
            while (true) {
                try {
                    return answer.get(LOOK_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (giveUp.getAsBoolean()) {
                        return Optional.empty();
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("the keyboard input channel failed: " + e.getCause(), e.getCause());
        } finally {
            over.set(true);
        }
    }

    /** On the socket's own thread: one question, and its answer unless {@code over} is set first. */
    private Optional<String> awaitAnswer(MessageContext parent, String prompt, boolean password,
                                         AtomicBoolean over) throws InterruptedException {
        while (hasMessage()) {
            Message<?> stale = readMessage();
            KernelLog.warn("stdin: dropped an answer to a question given up on: "
                    + (stale == null ? "null" : stale.getHeader().getType()));
        }
        if (over.get() || closing) {
            return Optional.empty();
        }
        Message<InputRequest> request = Timestamps.now(new Message<>(parent, InputRequest.MESSAGE_TYPE,
                new InputRequest(prompt, password)));
        sendMessage(request);
        String id = request.getHeader().getId();
        while (!over.get() && !closing) {
            if (!hasMessage()) {
                Thread.sleep(LOOK_MILLIS);
                continue;
            }
            Message<?> reply = readMessage();
            if (reply != null && reply.getContent() instanceof InputReply answer && answers(reply, id)) {
                return Optional.of(answer.getValue() == null ? "" : answer.getValue());
            }
            KernelLog.warn("stdin: dropped a message that answers another question: "
                    + (reply == null ? "null" : reply.getHeader().getType()));
        }
        return Optional.empty();
    }

    private boolean hasMessage() {
        return (getEvents() & ZMQ.Poller.POLLIN) != 0;
    }

    private static boolean answers(Message<?> reply, String questionId) {
        if (!reply.hasParentHeader() || reply.getParentHeader() == null) {
            return true;
        }
        String parent = reply.getParentHeader().getId();
        return parent == null || parent.isEmpty() || parent.equals(questionId);
    }

    /** Ends a pending question, lets the socket's thread finish without interrupting it, then closes. */
    @Override
    public void close() {
        closing = true;
        socketThread.shutdown();
        try {
            if (!socketThread.awaitTermination(2, TimeUnit.SECONDS)) {
                KernelLog.warn("stdin: the socket's thread did not end within 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        super.close();
    }
}
