package org.dltips.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dltips.kernel.display.CellPublisher;
import org.dltips.kernel.execution.CellEvaluator;
import org.dltips.kernel.execution.CellFailure;
import org.dltips.kernel.execution.CellResult;
import org.dltips.kernel.internal.CellStreams;
import org.dltips.kernel.internal.KeyboardInput;
import org.dltips.kernel.internal.MemoryHistory;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers {@code execute_request}: runs the cell, streams its output, publishes its value or error, and
 * honours {@code silent}, {@code store_history}, {@code allow_stdin} and {@code stop_on_error}. Everything the
 * cell published has left the IOPub socket before its reply is sent.
 *
 * <p>{@code handler.handle(env, message);}
 */
final class ExecuteHandler {

    private final CellEvaluator evaluator;
    private final CellStreams streams;
    private final CellPublisher publisher;
    private final MemoryHistory history;
    private final KeyboardInput keyboard;
    private final AtomicInteger count = new AtomicInteger();
    private final Object abortLock = new Object();
    private boolean abortQueued;
    private long failedReplyNanos;

    ExecuteHandler(CellEvaluator evaluator, CellStreams streams, CellPublisher publisher, MemoryHistory history,
                   KeyboardInput keyboard) {
        this.keyboard = keyboard;
        this.evaluator = evaluator;
        this.streams = streams;
        this.publisher = publisher;
        this.history = history;
    }

    void handle(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        ExecuteRequest request = message.getContent();
        String code = request.getCode() == null ? "" : request.getCode();
        boolean silent = request.isSilent();
        boolean store = request.shouldStoreHistory() && !silent;
        int cell = store ? count.incrementAndGet() : count.get();
        env.setBusyDeferIdle();
        if (!silent) {
            env.publish(new PublishExecuteInput(code, cell));
        }
        if (store) {
            history.add(cell, code);
        }
        streams.startCell(env, silent);
        keyboard.startCell(env.getContext(), request.isStdinEnabled());
        try {
            CellResult result = evaluator.eval(code, cell);
            streams.flush();
            if (result.hasValue() && !silent) {
                DisplayData data = publisher.render(result.value());
                env.publish(new PublishExecuteResult(cell, data));
                if (store) {
                    history.setOutput(cell, String.valueOf(data.getData(MIMEType.TEXT_PLAIN)));
                }
            }
            streams.awaitSent();
            env.reply(new ExecuteReply(cell, Map.of()));
        } catch (CellFailure failure) {
            fail(env, request, cell, failure.name(), failure.getMessage(), failure.traceback());
        } catch (RuntimeException | Error e) {
            String msg = "the kernel failed while showing the result: " + e;
            fail(env, request, cell, e.getClass().getSimpleName(), msg, List.of(msg));
        } finally {
            keyboard.endCell();
            streams.endCell();
        }
    }

    private void fail(ShellReplyEnvironment env, ExecuteRequest request, int cell, String name, String message,
                      List<String> traceback) {
        streams.flush();
        if (!request.isSilent()) {
            env.publish(new PublishError(name, message, traceback));
        }
        streams.awaitSent();
        ErrorReply reply = new ErrorReply(name, message, traceback);
        reply.setExecutionCount(cell);
        if (request.shouldStopOnError()) {
            synchronized (abortLock) {
                abortQueued = true;
                failedReplyNanos = System.nanoTime();
            }
        }
        env.replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
    }

    /**
     * Once after a failed cell that asked to stop on error, the {@link System#nanoTime()} just before its reply
     * was sent (queued execute requests sent before the client could have read it are aborted); empty otherwise.
     */
    OptionalLong takeAbortRequest() {
        synchronized (abortLock) {
            if (!abortQueued) {
                return OptionalLong.empty();
            }
            abortQueued = false;
            return OptionalLong.of(failedReplyNanos);
        }
    }
}
