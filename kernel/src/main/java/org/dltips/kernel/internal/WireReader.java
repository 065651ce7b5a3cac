package org.dltips.kernel.internal;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.zeromq.ZMQ;

import java.lang.reflect.Field;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads one whole Jupyter message from a socket and checks it before anything acts on it: all frames are
 * consumed, the HMAC signature must match and must not have been seen before (a replayed message never runs),
 * the JSON must parse and the type must be known. Anything else is rejected with a reason, and the socket stays
 * usable.
 *
 * <p>{@code Message<?> m = reader.read(socket); // throws RejectedMessage}
 */
final class WireReader {

    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final Type MAP = new TypeToken<Map<String, Object>>() { }.getType();

    private final HMACGenerator hmac;
    private final SeenSignatures seen;
    private final Gson gson;

    WireReader(HMACGenerator hmac, SeenSignatures seen) {
        this.hmac = hmac;
        this.seen = seen;
        this.gson = jupyterGson();
    }

    /** A message that was read completely and refused. */
    static final class RejectedMessage extends Exception {
        RejectedMessage(String reason) {
            super(reason, null, false, false);
        }
    }

    Message<?> read(ZMQ.Socket socket) throws RejectedMessage {
        List<byte[]> frames = new ArrayList<>();
        do {
            frames.add(socket.recv());
        } while (socket.hasReceiveMore());
        int d = 0;
        while (d < frames.size() && !Arrays.equals(frames.get(d), DELIMITER)) {
            d++;
        }
        if (d >= frames.size() || frames.size() - d - 1 < 5) {
            throw new RejectedMessage("expected identities, <IDS|MSG>, signature, header, parent header, metadata "
                    + "and content; received " + frames.size() + " frames");
        }
        String signature = new String(frames.get(d + 1), StandardCharsets.US_ASCII);
        byte[][] signed = {frames.get(d + 2), frames.get(d + 3), frames.get(d + 4), frames.get(d + 5)};
        String expected = hmac.calculateSignature(signed);
        if (expected != null && !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new RejectedMessage("the HMAC signature does not match the connection key ("
                    + (signature.isEmpty() ? "no signature" : "signature " + abbreviate(signature)) + ")");
        }
        Message<?> message = parse(frames, d, signed);
        if (expected != null && !seen.firstTime(signature)) {
            throw new RejectedMessage("the same signed message arrived again (" + abbreviate(signature)
                    + "); a replayed message is never run");
        }
        return message;
    }

    private Message<?> parse(List<byte[]> frames, int d, byte[][] signed) throws RejectedMessage {
        try {
            String headerJson = utf8(signed[0]);
            JsonElement headerTree = JsonParser.parseString(headerJson);
            String type = headerTree.getAsJsonObject().get("msg_type").getAsString();
            MessageType<?> known = MessageType.getType(type);
            if (known == null || known == MessageType.UNKNOWN) {
                throw new RejectedMessage("unknown message type '" + abbreviate(type) + "'");
            }
            Header<?> header = gson.fromJson(headerTree, Header.class);
            JsonElement parentTree = JsonParser.parseString(utf8(signed[1]));
            Header<?> parent = parentTree.isJsonObject() && !parentTree.getAsJsonObject().isEmpty()
                    ? gson.fromJson(parentTree, Header.class) : null;
            Map<String, Object> metadata = gson.fromJson(utf8(signed[2]), MAP);
            Object content = gson.fromJson(utf8(signed[3]), header.getType().getContentType());
            List<byte[]> identities = new ArrayList<>(frames.subList(0, d));
            List<byte[]> blobs = new ArrayList<>(frames.subList(d + 6, frames.size()));
            @SuppressWarnings({"unchecked", "rawtypes"})
            Message<?> message = new Message(identities, header, parent, metadata, content, blobs);
            return message;
        } catch (RejectedMessage e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RejectedMessage("malformed JSON or header: " + abbreviate(String.valueOf(e.getMessage())));
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    private static Gson jupyterGson() {
        try {
            Field field = JupyterSocket.class.getDeclaredField("gson");
            field.setAccessible(true);
            return (Gson) field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("jjava-jupyter changed: JupyterSocket.gson not found (" + e + ")", e);
        }
    }
}
