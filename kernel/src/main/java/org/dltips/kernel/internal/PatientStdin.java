package org.dltips.kernel.internal;

import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.reply.InputReply;
import org.dflib.jjava.jupyter.messages.request.InputRequest;
import org.zeromq.ZMQ;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The stdin channel, asked for one line at a time: sends {@code input_request} and waits for the reply that
 * answers it, looking every 20 ms whether the wait should end (the stop button), so a pending question never
 * holds the kernel. Answers waiting before a question is sent belong to questions given up on and are
 * dropped, as is an answer whose parent header names another question (some clients send no parent).
 *
 * <p>{@code Optional<String> line = stdin.ask(executeRequest, "", false, stopped);}
 */
public final class PatientStdin extends StdinChannel {

    public PatientStdin(ZMQ.Context ctx, HMACGenerator hmac) {
        super(ctx, hmac);
    }

    /**
     * Asks the front end that sent {@code parent} for a line; empty when {@code giveUp} said so first.
     */
    public synchronized Optional<String> ask(MessageContext parent, String prompt, boolean password,
                                             BooleanSupplier giveUp) throws InterruptedException {
        while ((getEvents() & ZMQ.Poller.POLLIN) != 0) {
            Message<?> stale = readMessage();
            KernelLog.warn("stdin: dropped an answer to a question given up on: "
                    + (stale == null ? "null" : stale.getHeader().getType()));
        }
        Message<InputRequest> request = Timestamps.now(new Message<>(parent, InputRequest.MESSAGE_TYPE,
                new InputRequest(prompt, password)));
        sendMessage(request);
        String id = request.getHeader().getId();
        while (true) {
            if ((getEvents() & ZMQ.Poller.POLLIN) != 0) {
                Message<?> reply = readMessage();
                if (reply != null && reply.getContent() instanceof InputReply answer && answers(reply, id)) {
                    return Optional.of(answer.getValue() == null ? "" : answer.getValue());
                }
                KernelLog.warn("stdin: dropped a message that answers another question: "
                        + (reply == null ? "null" : reply.getHeader().getType()));
                continue;
            }
            if (giveUp.getAsBoolean()) {
                return Optional.empty();
            }
            Thread.sleep(20);
        }
    }

    private static boolean answers(Message<?> reply, String questionId) {
        if (!reply.hasParentHeader() || reply.getParentHeader() == null) {
            return true;
        }
        String parent = reply.getParentHeader().getId();
        return parent == null || parent.isEmpty() || parent.equals(questionId);
    }
}
