package org.dltips.kernel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.reply.InputReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/** The stdin channel against a real ZeroMQ front end in the same process. */
class PatientStdinUnitTest {

    private ZMQ.Context ctx;
    private PatientStdin stdin;
    private FrontEnd frontEnd;
    private MessageContext cell;

    /** The front end's side of the stdin channel: a DEALER that reads questions and sends answers. */
    private static final class FrontEnd extends JupyterSocket {
        FrontEnd(ZMQ.Context ctx) {
            super(ctx, SocketType.DEALER, HMACGenerator.NO_AUTH_INSTANCE, LoggerFactory.getLogger(FrontEnd.class));
            setReceiveTimeOut(5000);
        }

        @Override
        public void bind(KernelConnectionProperties connection) {
            throw new UnsupportedOperationException("the front end connects");
        }

        Message<?> question() {
            Message<?> m = readMessage();
            assertTrue(m != null && m.getHeader().getType().getName().equals("input_request"),
                    () -> "expected an input_request, got " + m);
            return m;
        }

        void answer(Message<?> question, String value) {
            sendMessage(Timestamps.now(new Message<>(question, InputReply.MESSAGE_TYPE, new InputReply(value))));
        }
    }

    @BeforeEach
    void connect() {
        ctx = ZMQ.context(1);
        stdin = new PatientStdin(ctx, HMACGenerator.NO_AUTH_INSTANCE);
        int port = stdin.bindToRandomPort("tcp://127.0.0.1");
        frontEnd = new FrontEnd(ctx);
        frontEnd.connect("tcp://127.0.0.1:" + port);
        // the kernel learns the front end's routing identity from a first message, as from an execute_request
        frontEnd.sendMessage(Timestamps.now(new Message<>(new Header<>(UUID.randomUUID().toString(), "student",
                "session", null, InputReply.MESSAGE_TYPE, "5.3"), new InputReply("hello"))));
        stdin.setReceiveTimeOut(5000);
        cell = stdin.readMessage();
    }

    @AfterEach
    void close() {
        stdin.close();
        frontEnd.close();
        ctx.term();
    }

    private CompletableFuture<Optional<String>> askOn(AtomicReference<Thread> asker) {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                answer.complete(stdin.ask(cell, "", false, () -> false));
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        }, "asker");
        asker.set(t);
        t.start();
        return answer;
    }

    @Test
    void anAnswerReachesTheQuestion() throws Exception {
        AtomicReference<Thread> asker = new AtomicReference<>();
        CompletableFuture<Optional<String>> answer = askOn(asker);
        frontEnd.answer(frontEnd.question(), "Ada");
        assertEquals(Optional.of("Ada"), answer.get(5, TimeUnit.SECONDS));
    }

    @Test
    void interruptingTheAskingThreadAtAnyMomentLeavesTheChannelWorking() throws Exception {
        for (int round = 0; round < 200; round++) {
            AtomicReference<Thread> asker = new AtomicReference<>();
            CompletableFuture<Optional<String>> answer = askOn(asker);
            frontEnd.question();
            long until = System.nanoTime() + (round % 5) * 1_000_000L;
            do {
                asker.get().interrupt();
            } while (System.nanoTime() < until);
            asker.get().join(5000);
            assertTrue(answer.isDone(), "round " + round + ": the interrupted question did not end");
        }
        AtomicReference<Thread> asker = new AtomicReference<>();
        CompletableFuture<Optional<String>> answer = askOn(asker);
        frontEnd.answer(frontEnd.question(), "still here");
        assertEquals(Optional.of("still here"), answer.get(5, TimeUnit.SECONDS));
    }
}
