package org.dltips.kernel.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One executed cell as the client saw it: the shell reply and the IOPub messages with it as parent.
 *
 * <p>{@code Execution.run(client, "1+2").result("text/plain")} is {@code "3"} for a Java kernel.
 */
public record Execution(String code, WireMessage reply, List<WireMessage> iopub) {

    /** Default time a cell may take in these tests. */
    public static final Duration CELL_TIMEOUT = Duration.ofSeconds(60);

    /** Runs {@code code} with default options and waits for reply and idle. */
    public static Execution run(WireClient client, String code) {
        return run(client, code, new JsonObject(), CELL_TIMEOUT);
    }

    /** Runs {@code code} with extra request fields such as {@code silent} or {@code store_history}. */
    public static Execution run(WireClient client, String code, JsonObject options, Duration timeout) {
        String id = client.send("shell", "execute_request", request(code, options));
        return await(client, code, id, timeout);
    }

    /** Waits for the reply and the idle status of a request sent earlier. */
    public static Execution await(WireClient client, String code, String id, Duration timeout) {
        WireMessage reply = client.reply("shell", id, timeout);
        List<WireMessage> iopub = client.iopubUntilIdle(id, timeout);
        return new Execution(code, reply, iopub);
    }

    /** The content of an {@code execute_request} for {@code code}, with {@code options} merged in. */
    public static JsonObject request(String code, JsonObject options) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("silent", false);
        content.addProperty("store_history", true);
        content.add("user_expressions", new JsonObject());
        content.addProperty("allow_stdin", false);
        content.addProperty("stop_on_error", true);
        for (var entry : options.entrySet()) {
            content.add(entry.getKey(), entry.getValue());
        }
        return content;
    }

    /** The reply's status: {@code ok}, {@code error} or {@code aborted}. */
    public String status() {
        return reply.text("status");
    }

    /** All text the cell printed on one stream ({@code stdout} or {@code stderr}), joined in order. */
    public String stream(String name) {
        return iopub.stream().filter(m -> m.type().equals("stream") && m.text("name").equals(name))
                .map(m -> m.text("text")).collect(Collectors.joining());
    }

    /** The value of one MIME type in the {@code execute_result}, or an empty string when there is none. */
    public String result(String mime) {
        return iopub.stream().filter(m -> m.type().equals("execute_result")).map(m -> data(m, mime))
                .findFirst().orElse("");
    }

    /** The IOPub messages of one type, for example {@code display_data} or {@code error}. */
    public List<WireMessage> ofType(String type) {
        return iopub.stream().filter(m -> m.type().equals(type)).toList();
    }

    /** The error name and traceback of the reply, joined, for assertions and failure messages. */
    public String errorText() {
        StringBuilder text = new StringBuilder(reply.text("ename")).append(": ").append(reply.text("evalue"));
        if (reply.content().has("traceback")) {
            for (JsonElement line : reply.content().getAsJsonArray("traceback")) {
                text.append('\n').append(line.getAsString());
            }
        }
        return text.toString();
    }

    /** A one-line summary for assertion messages: status, result, streams and error. */
    public String describe() {
        return "cell " + abbreviate(code) + " -> status " + status() + ", result '" + abbreviate(result("text/plain"))
                + "', stdout '" + abbreviate(stream("stdout")) + "', stderr '" + abbreviate(stream("stderr"))
                + "', error '" + abbreviate(errorText()) + "'";
    }

    static String data(WireMessage message, String mime) {
        JsonObject data = message.content().getAsJsonObject("data");
        if (data == null || !data.has(mime)) {
            return "";
        }
        JsonElement value = data.get(mime);
        return value.isJsonPrimitive() ? value.getAsString() : value.toString();
    }

    private static String abbreviate(String text) {
        String flat = text.replace("\n", "\\n");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...(" + flat.length() + " chars)";
    }
}
