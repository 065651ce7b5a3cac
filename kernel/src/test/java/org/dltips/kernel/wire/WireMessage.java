package org.dltips.kernel.wire;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One Jupyter message as read from a socket: header, parent header, metadata and content.
 *
 * <p>{@code message.type()} is the header's {@code msg_type}, {@code message.parentId()} the id of the request
 * it answers.
 */
public record WireMessage(String channel, JsonObject header, JsonObject parentHeader, JsonObject metadata,
                          JsonObject content) {

    /** The header's {@code msg_type}, for example {@code execute_reply}. */
    public String type() {
        return header.get("msg_type").getAsString();
    }

    /** The {@code msg_id} of the request this message answers, or an empty string when it has no parent. */
    public String parentId() {
        return parentHeader.has("msg_id") ? parentHeader.get("msg_id").getAsString() : "";
    }

    /** A string field of the content, or an empty string when absent. */
    public String text(String field) {
        return content.has(field) && content.get(field).isJsonPrimitive() ? content.get(field).getAsString() : "";
    }

    /**
     * Decodes the frames after the {@code <IDS|MSG>} delimiter: signature, header, parent, metadata, content.
     *
     * @throws IllegalStateException when the signature does not match what {@code signer} computes
     */
    static WireMessage decode(String channel, List<byte[]> frames, Signer signer) {
        int delimiter = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (new String(frames.get(i), StandardCharsets.UTF_8).equals(WireClient.DELIMITER)) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0 || frames.size() < delimiter + 6) {
            throw new IllegalStateException("kernel sent a message on " + channel + " with " + frames.size()
                    + " frames and " + (delimiter < 0 ? "no" : "a") + " <IDS|MSG> delimiter; expected the delimiter"
                    + " followed by signature, header, parent_header, metadata and content");
        }
        String signature = new String(frames.get(delimiter + 1), StandardCharsets.UTF_8);
        List<byte[]> parts = frames.subList(delimiter + 2, delimiter + 6);
        String expected = signer.sign(parts);
        if (!expected.equals(signature)) {
            throw new IllegalStateException("kernel sent a message on " + channel + " signed '" + signature
                    + "', expected HMAC-SHA256 '" + expected + "' over its four JSON frames; the kernel must sign"
                    + " replies with the key from the connection file");
        }
        return new WireMessage(channel, json(parts.get(0)), json(parts.get(1)), json(parts.get(2)),
                json(parts.get(3)));
    }

    private static JsonObject json(byte[] frame) {
        return JsonParser.parseString(new String(frame, StandardCharsets.UTF_8)).getAsJsonObject();
    }
}
