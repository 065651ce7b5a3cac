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
        client.drain(1500);
        assertTrue(client.all(id).isEmpty(), () -> "kernel reacted to a badly signed request: "
                + client.all(id).stream().map(m -> m.channel() + ":" + m.type()).toList());
        Execution check = k.run(variable);
        assertEquals("error", check.status(), () -> "a badly signed cell was executed: " + check.describe());
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
        client.drain(1000);
        assertEquals("error", k.run("malformedRan").status(), "a request with malformed JSON was executed");
    }

    static void unknownType(KernelFixture k) {
        WireClient client = k.client();
        String id = client.send("shell", "dltips_no_such_request", new JsonObject());
        client.drain(1000);
        System.out.println("unknown message type answered with: " + client.all(id).stream()
                .map(m -> m.channel() + ":" + m.type()).toList());
    }

    static void hugeMessage(KernelFixture k) {
        WireClient client = k.client();
        JsonObject options = new JsonObject();
        options.addProperty("padding", "x".repeat(64 * 1024 * 1024));
        String id = client.send("shell", "execute_request", Execution.request("int hugeRan = 1;", options));
        client.drain(5000);
        System.out.println("64 MiB request answered with: " + client.all(id).stream()
                .map(m -> m.channel() + ":" + m.type()).toList());
        assertTrue(client.heartbeat(), "kernel stopped echoing heartbeats after a 64 MiB message");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
