package org.dltips.kernel.wire;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A small Jupyter client over real ZeroMQ sockets: signs requests, checks the kernel's signatures, and collects
 * replies and IOPub messages by parent id.
 *
 * <p>{@code try (var client = new WireClient(connection)) { client.execute("1+2"); }}
 */
public final class WireClient implements AutoCloseable {

    static final String DELIMITER = "<IDS|MSG>";

    private final ZContext context = new ZContext();
    private final Map<String, ZMQ.Socket> sockets = new LinkedHashMap<>();
    private final ZMQ.Socket heartbeat;
    private final Signer signer;
    private final String session = UUID.randomUUID().toString();
    private final List<WireMessage> received = new ArrayList<>();

    /** Connects shell, control, stdin, IOPub (subscribed to everything) and heartbeat. */
    public WireClient(ConnectionFile connection) {
        this.signer = new Signer(connection.key());
        // Shell and stdin share an identity, as in jupyter_client: the kernel routes input_request by it.
        String identity = UUID.randomUUID().toString();
        sockets.put("shell", dealer(connection.endpoint(connection.shell()), identity));
        sockets.put("control", dealer(connection.endpoint(connection.control()), UUID.randomUUID().toString()));
        sockets.put("stdin", dealer(connection.endpoint(connection.stdin()), identity));
        ZMQ.Socket iopub = context.createSocket(SocketType.SUB);
        iopub.setLinger(0);
        iopub.subscribe(new byte[0]);
        iopub.connect(connection.endpoint(connection.iopub()));
        sockets.put("iopub", iopub);
        heartbeat = context.createSocket(SocketType.REQ);
        heartbeat.setLinger(0);
        heartbeat.setReceiveTimeOut(2000);
        heartbeat.connect(connection.endpoint(connection.hb()));
    }

    private ZMQ.Socket dealer(String endpoint, String identity) {
        ZMQ.Socket socket = context.createSocket(SocketType.DEALER);
        socket.setLinger(0);
        socket.setIdentity(identity.getBytes(StandardCharsets.UTF_8));
        socket.connect(endpoint);
        return socket;
    }

    /** Sends a signed request and returns its {@code msg_id}. */
    public String send(String channel, String type, JsonObject content) {
        String id = UUID.randomUUID().toString();
        sendFrames(channel, signedFrames(id, type, content));
        return id;
    }

    /** Answers the {@code input_request} {@code question} on stdin with {@code value}, as a front end would. */
    public void answer(WireMessage question, String value) {
        JsonObject content = new JsonObject();
        content.addProperty("value", value);
        sendFrames("stdin", frames(header(UUID.randomUUID().toString(), "input_reply"), question.header(), content));
    }

    /** The frames of a signed request: delimiter, signature, header, parent, metadata, content. */
    public List<byte[]> signedFrames(String msgId, String type, JsonObject content) {
        return frames(header(msgId, type), new JsonObject(), content);
    }

    private List<byte[]> frames(JsonObject header, JsonObject parent, JsonObject content) {
        List<byte[]> parts = List.of(utf8(header.toString()), utf8(parent.toString()), utf8("{}"),
                utf8(content.toString()));
        List<byte[]> frames = new ArrayList<>();
        frames.add(utf8(DELIMITER));
        frames.add(utf8(signer.sign(parts)));
        frames.addAll(parts);
        return frames;
    }

    /** Signs arbitrary frames (header, parent, metadata, content) the way the kernel will check them. */
    public String sign(List<byte[]> parts) {
        return signer.sign(parts);
    }

    /** A request header in this client's session. */
    public JsonObject header(String msgId, String type) {
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", msgId);
        header.addProperty("session", session);
        header.addProperty("username", "dltips-test");
        header.addProperty("date", OffsetDateTime.now().toString());
        header.addProperty("msg_type", type);
        header.addProperty("version", "5.3");
        return header;
    }

    /** Sends raw frames as they are, for tests of what the kernel does with bad input. */
    public void sendFrames(String channel, List<byte[]> frames) {
        ZMQ.Socket socket = sockets.get(channel);
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    /** Waits for the reply to {@code parentId} on shell or control. */
    public WireMessage reply(String channel, String parentId, Duration timeout) {
        return first(m -> m.channel().equals(channel) && m.parentId().equals(parentId), timeout)
                .orElseThrow(() -> new AssertionError("no reply on " + channel + " to request " + parentId
                        + " within " + timeout.toMillis() + " ms; messages seen for it: " + describe(parentId)));
    }

    /** Waits for the first received message that matches, or returns empty after {@code timeout}. */
    public Optional<WireMessage> first(Predicate<WireMessage> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < received.size(); checked++) {
                if (match.test(received.get(checked))) {
                    return Optional.of(received.get(checked));
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            pump(Math.max(1, Math.min(left / 1_000_000, 50)));
        }
    }

    /** Waits until IOPub reports {@code idle} for {@code parentId}, then returns its IOPub messages in order. */
    public List<WireMessage> iopubUntilIdle(String parentId, Duration timeout) {
        first(m -> m.channel().equals("iopub") && m.parentId().equals(parentId) && m.type().equals("status")
                && m.text("execution_state").equals("idle"), timeout)
                .orElseThrow(() -> new AssertionError("IOPub never reported idle for request " + parentId
                        + " within " + timeout.toMillis() + " ms; messages seen for it: " + describe(parentId)));
        return iopub(parentId);
    }

    /** The IOPub messages received so far whose parent is {@code parentId}. */
    public List<WireMessage> iopub(String parentId) {
        return received.stream().filter(m -> m.channel().equals("iopub") && m.parentId().equals(parentId)).toList();
    }

    /** Every message received so far whose parent is {@code parentId}, on any channel. */
    public List<WireMessage> all(String parentId) {
        return received.stream().filter(m -> m.parentId().equals(parentId)).toList();
    }

    /** Every message received so far, in the order it arrived. */
    public List<WireMessage> received() {
        return List.copyOf(received);
    }

    /** Reads whatever arrives for {@code millis} ms, so later checks see it. */
    public void drain(long millis) {
        first(m -> false, Duration.ofMillis(millis));
    }

    /** Sends one heartbeat ping and reports whether the kernel echoed it within two seconds. */
    public boolean heartbeat() {
        heartbeat.send(utf8("ping"));
        return heartbeat.recv() != null;
    }

    private String describe(String parentId) {
        List<String> types = all(parentId).stream().map(m -> m.channel() + ":" + m.type()).toList();
        return types.isEmpty() ? "none" : String.join(", ", types);
    }

    private void pump(long timeoutMillis) {
        ZMQ.Poller poller = context.createPoller(sockets.size());
        List<String> names = new ArrayList<>(sockets.keySet());
        for (String name : names) {
            poller.register(sockets.get(name), ZMQ.Poller.POLLIN);
        }
        poller.poll(timeoutMillis);
        for (int i = 0; i < names.size(); i++) {
            if (poller.pollin(i)) {
                readAll(names.get(i), sockets.get(names.get(i)));
            }
        }
        poller.close();
    }

    private void readAll(String channel, ZMQ.Socket socket) {
        byte[] first;
        while ((first = socket.recv(ZMQ.DONTWAIT)) != null) {
            List<byte[]> frames = new ArrayList<>();
            frames.add(first);
            while (socket.hasReceiveMore()) {
                frames.add(socket.recv(0));
            }
            received.add(WireMessage.decode(channel, frames, signer));
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        context.close();
    }
}
