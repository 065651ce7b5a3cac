package org.dltips.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dltips.kernel.wire.Execution;
import org.dltips.kernel.wire.KernelFixture;
import org.dltips.kernel.wire.Signer;
import org.dltips.kernel.wire.WireClient;

/** Bad input on the wire; each case checks nothing was executed where it must not be, then that the kernel answers. */
final class WireFaults {

    private WireFaults() {
    }

    static void wrongSignature(KernelFixture k) {
        rejected(k, "wrongSignatureRan", frames -> frames.set(1,
                utf8(new Signer("not-the-key").sign(frames.subList(2, 6)))));
    }

    static void missingSignature(KernelFixture k) {
        rejected(k, "unsignedRan", frames -> frames.set(1, new byte[0]));
    }

    /** Sends a cell declaring {@code variable} in tampered frames, then checks it was never run. */
    private static void rejected(KernelFixture k, String variable, java.util.function.Consumer<List<byte[]>> tamper) {
        WireClient client = k.client();
        String id = UUID.randomUUID().toString();
        List<byte[]> frames = new ArrayList<>(client.signedFrames(id, "execute_request",
                Execution.request("int " + variable + " = 1;", new JsonObject())));
        tamper.accept(frames);
        client.sendFrames("shell", frames);
        Execution check = k.run(variable);
        assertTrue(client.all(id).isEmpty(), () -> "kernel reacted to a badly signed request: "
                + client.all(id).stream().map(m -> m.channel() + ":" + m.type()).toList());
        assertEquals("error", check.status(), () -> "a badly signed cell was executed: " + check.describe());
    }

    /** The same signed request sent twice runs once; the shell answers in order, so the check cell is the event. */
    static void replay(KernelFixture k) {
        WireClient client = k.client();
        k.ok("int replays = 0;");
        String id = UUID.randomUUID().toString();
        List<byte[]> frames = client.signedFrames(id, "execute_request",
                Execution.request("replays++;", new JsonObject()));
        client.sendFrames("shell", frames);
        client.sendFrames("shell", frames);
        Execution check = k.ok("replays");
        assertEquals("1", check.result("text/plain"), () -> "a replayed request ran again: " + check.describe());
        long replies = client.all(id).stream().filter(m -> m.channel().equals("shell")).count();
        assertEquals(1, replies, () -> "expected one reply to a request sent twice; got " + replies);
    }

    static void malformedJson(KernelFixture k) {
        WireClient client = k.client();
        List<byte[]> parts = List.of(utf8("{\"msg_id\": \"broken\", \"msg_type\": \"execute_req"), utf8("{}"),
                utf8("{}"), utf8("{\"code\": \"int malformedRan = 1;\""));
        List<byte[]> frames = new ArrayList<>();
        frames.add(utf8("<IDS|MSG>"));
        frames.add(utf8(client.sign(parts)));
        frames.addAll(parts);
        client.sendFrames("shell", frames);
        assertEquals("error", k.run("malformedRan").status(), "a request with malformed JSON was executed");
    }

    static void unknownType(KernelFixture k) {
        WireClient client = k.client();
        String id = client.send("shell", "dltips_no_such_request", new JsonObject());
        k.run("1");
        System.out.println("unknown message type answered with: " + client.all(id).stream()
                .map(m -> m.channel() + ":" + m.type()).toList());
    }

    static void hugeMessage(KernelFixture k) {
        WireClient client = k.client();
        JsonObject options = new JsonObject();
        options.addProperty("padding", "x".repeat(64 * 1024 * 1024));
        String id = client.send("shell", "execute_request", Execution.request("int hugeRan = 1;", options));
        Execution.run(client, "1", new JsonObject(), Duration.ofMinutes(2));
        System.out.println("64 MiB request answered with: " + client.all(id).stream()
                .map(m -> m.channel() + ":" + m.type()).toList());
        assertTrue(client.heartbeat(), "kernel stopped echoing heartbeats after a 64 MiB message");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
