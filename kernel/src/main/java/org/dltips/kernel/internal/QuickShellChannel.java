package org.dltips.kernel.internal;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.zeromq.ZMQ;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * A shell or control channel that waits on its socket instead of sleeping 50 ms between polls (so a cell's
 * round trip is not padded), rejects unsigned, replayed or malformed messages without dying, and answers the
 * execute requests queued behind a failed cell that asked to stop on error with "aborted" (those waiting on the
 * socket, and those {@link ErrorAbort} says were sent before the client could know).
 *
 * <p>{@code new QuickShellChannel(ctx, hmac, false, connection, gate::takeAbort, seen)}
 */
final class QuickShellChannel extends ShellChannel {

    private final ZMQ.Context context;
    private final JupyterConnection connection;
    private final WireReader reader;
    private final Supplier<OptionalLong> abortQueued;
    private final ErrorAbort errorAbort = new ErrorAbort();
    private final String label;
    private volatile boolean running;
    private Thread loop;
    private ZMQ.Poller poller;

    QuickShellChannel(ZMQ.Context ctx, HMACGenerator hmac, boolean control, JupyterConnection connection,
                      Supplier<OptionalLong> abortQueued, SeenSignatures seen) {
        super(ctx, hmac, control, connection);
        this.context = ctx;
        this.connection = connection;
        this.reader = new WireReader(hmac, seen);
        this.abortQueued = abortQueued;
        this.label = control ? "control" : "shell";
    }

    /** Sends {@code message} dated now, to the microsecond ({@link Timestamps}). */
    @Override
    public synchronized void sendMessage(Message<?> message) {
        super.sendMessage(Timestamps.now(message));
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        int port = label.equals("control") ? props.getControlPort() : props.getShellPort();
        bind(formatAddress(props.getTransport(), props.getIp(), port));
        running = true;
        loop = new Thread(this::serve, "dltips-" + label);
        loop.setDaemon(true);
        loop.start();
    }

    private void serve() {
        poller = context.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        try {
            while (running && !Thread.currentThread().isInterrupted()) {
                if (poller.poll(250) > 0 && running) {
                    handleOne(false);
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                KernelLog.warn(label + " channel stopped: " + e);
            }
        } finally {
            poller.close();
        }
    }

    private void handleOne(boolean aborting) {
        Message<?> message;
        try {
            message = reader.read(this);
        } catch (WireReader.RejectedMessage e) {
            KernelLog.warn("rejected a message on the " + label + " channel: " + e.getMessage());
            return;
        }
        long received = System.nanoTime();
        MessageType<?> type = message.getHeader().getType();
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            if (type == MessageType.EXECUTE_REQUEST && errorAbort.aborts(message, aborting)) {
                replyAborted(env, message);
                return;
            }
            @SuppressWarnings("unchecked")
            ShellHandler<Object> handler = (ShellHandler<Object>) connection.getHandler(type);
            if (handler == null) {
                KernelLog.warn("no handler for " + type.getName() + " on the " + label + " channel; ignored");
                return;
            }
            @SuppressWarnings("unchecked")
            Message<Object> typed = (Message<Object>) message;
            handler.handle(env, typed);
            OptionalLong failedReply = abortQueued.get();
            if (failedReply.isPresent()) {
                errorAbort.failed(message, failedReply.getAsLong() - received);
                env.resolveDeferrals();
                abortWaiting();
            }
        } catch (RuntimeException | Error e) {
            KernelLog.warn("failed to handle " + type.getName() + ": " + e);
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            running = false;
            connection.close();
        }
    }

    /** Handles the requests already waiting; execute requests among them sent behind the failed one are aborted. */
    private void abortWaiting() {
        while (running && poller.poll(0) > 0) {
            handleOne(true);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void replyAborted(ShellReplyEnvironment env, Message<?> request) {
        env.setBusyDeferIdle();
        Map<String, Object> content = new HashMap<>();
        content.put("status", "aborted");
        content.put("execution_count", null);
        env.reply(new Message(request, (MessageType) MessageType.EXECUTE_REPLY, content));
    }

    @Override
    public void close() {
        running = false;
        Thread t = loop;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Thread t = loop;
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
