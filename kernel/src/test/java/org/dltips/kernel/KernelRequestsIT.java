package org.dltips.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dltips.kernel.wire.Execution;
import org.dltips.kernel.wire.KernelFixture;
import org.dltips.kernel.wire.PerJdk;
import org.dltips.kernel.wire.WireClient;
import org.dltips.kernel.wire.WireMessage;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The other shell and control requests over the real wire: complete, inspect, history, options, shutdown. */
class KernelRequestsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicNode> requestsOverTheWire() {
        Map<String, Consumer<KernelFixture>> cases = PerJdk.cases();
        cases.put("complete_request offers System for Syst", KernelRequestsIT::complete);
        cases.put("inspect_request shows Javadoc as text and HTML, and the declaration at detail 1",
                KernelRequestsIT::inspect);
        cases.put("is_complete_request tells complete from incomplete", KernelRequestsIT::isComplete);
        cases.put("history_request replies", KernelRequestsIT::history);
        cases.put("comm_info_request replies with status ok", k -> {
            WireMessage reply = request(k.client(), "comm_info_request", new JsonObject());
            assertEquals("ok", reply.text("status"), () -> "comm_info_reply: " + reply.content());
        });
        cases.put("silent cells broadcast nothing and keep the count", KernelRequestsIT::silent);
        cases.put("message dates are precise to the microsecond and in order", KernelRequestsIT::dates);
        cases.put("store_history false keeps the count", KernelRequestsIT::noHistory);
        cases.put("stop_on_error aborts queued cells", KernelRequestsIT::stopOnError);
        cases.put("stop_on_error aborts both requests sent at once behind one that fails at once",
                KernelRequestsIT::threeAtOnce);
        cases.put("stop_on_error false runs queued cells", KernelRequestsIT::continueOnError);
        cases.put("restart: shutdown_request with restart, a fresh kernel has no old variables",
                KernelRequestsIT::restart);
        cases.put("shutdown_request ends the process", KernelRequestsIT::shutdown);
        return PerJdk.containers("requests", dir, cases);
    }

    private static WireMessage request(WireClient client, String type, JsonObject content) {
        String id = client.send("shell", type, content);
        WireMessage reply = client.reply("shell", id, TIMEOUT);
        assertEquals(type.replace("_request", "_reply"), reply.type());
        return reply;
    }

    private static JsonObject code(String code, int cursor) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("cursor_pos", cursor);
        return content;
    }

    private static void complete(KernelFixture k) {
        WireMessage reply = request(k.client(), "complete_request", code("Syst", 4));
        assertEquals("ok", reply.text("status"), reply::toString);
        assertTrue(reply.content().getAsJsonArray("matches").toString().contains("\"System\""),
                () -> "matches for 'Syst' should include System: " + reply.content());
        assertEquals(0, reply.content().get("cursor_start").getAsInt(), reply::toString);
        assertEquals(4, reply.content().get("cursor_end").getAsInt(), reply::toString);
    }

    private static JsonObject inspectData(KernelFixture k, String code, int cursor, int detail) {
        JsonObject content = code(code, cursor);
        content.addProperty("detail_level", detail);
        WireMessage reply = request(k.client(), "inspect_request", content);
        assertEquals("ok", reply.text("status"), reply::toString);
        assertTrue(reply.content().get("found").getAsBoolean(), () -> code + " not found: " + reply.content());
        return reply.content().getAsJsonObject("data");
    }

    private static void inspect(KernelFixture k) {
        JsonObject max = inspectData(k, "Math.max(1.5, 2)", 6, 0);
        String text = max.get("text/plain").getAsString();
        assertTrue(text.startsWith("double Math.max(double a, double b)"), () -> "the overload for the typed"
                + " arguments should come alone: " + text);
        boolean jdkSources = java.nio.file.Files.exists(k.javaHome().resolve("lib/src.zip"));
        assertTrue(jdkSources ? text.contains("Returns the greater of two") : text.contains("No Javadoc"),
                () -> "JDK sources " + (jdkSources ? "present" : "absent") + ", but inspect said: " + text);
        JsonObject input = inspectData(k, "Network.input(784)", 10, 0);
        assertTrue(input.get("text/plain").getAsString().contains("Starts describing a network"), input::toString);
        assertTrue(input.get("text/html").getAsString().contains("<code>inputSize</code>"), input::toString);
        assertFalse(input.get("text/plain").getAsString().contains("Declaration:"), input::toString);
        JsonObject detailed = inspectData(k, "Network.input(784)", 10, 1);
        assertTrue(detailed.get("text/plain").getAsString()
                .contains("Declaration:\n    public static NetworkBuilder input(int inputSize) {"), detailed::toString);
        JsonObject zeros = inspectData(k, "Nd4j.zeros(3, 4)", 7, 0);
        assertTrue(zeros.get("text/plain").getAsString().contains("Create a 2D array initialized with zeros"),
                () -> "DL4J's Javadoc should come from its sources jar: " + zeros);
    }

    private static void isComplete(KernelFixture k) {
        assertEquals("complete", request(k.client(), "is_complete_request", code("int x = 1;", 0))
                .text("status"));
        assertEquals("incomplete", request(k.client(), "is_complete_request",
                code("for (int i = 0; i < 3; i++) {", 0)).text("status"));
        assertEquals("complete", request(k.client(), "is_complete_request", code("%time 1 + 1", 0)).text("status"));
        assertEquals("incomplete", request(k.client(), "is_complete_request", code("%%time", 0)).text("status"));
        assertEquals("incomplete", request(k.client(), "is_complete_request",
                code("%%time\nfor (int i = 0; i < 3; i++) {", 0)).text("status"));
        assertEquals("complete", request(k.client(), "is_complete_request", code("%%time\nint y = 2;", 0))
                .text("status"));
    }

    private static void history(KernelFixture k) {
        k.ok("int rememberedCell = 5;");
        JsonObject content = new JsonObject();
        content.addProperty("output", false);
        content.addProperty("raw", true);
        content.addProperty("hist_access_type", "tail");
        content.addProperty("n", 10);
        WireMessage reply = request(k.client(), "history_request", content);
        assertTrue(reply.content().has("history") && reply.content().get("history").isJsonArray(),
                () -> "history_reply without a history list: " + reply.content());
    }

    private static int count(Execution cell) {
        return cell.reply().content().get("execution_count").getAsInt();
    }

    private static void silent(KernelFixture k) {
        int before = count(k.ok("1"));
        JsonObject options = new JsonObject();
        options.addProperty("silent", true);
        Execution quiet = Execution.run(k.client(), "System.out.print(\"quiet out\");\nSystem.err.println(\"quiet err\");\n"
                + "org.dltips.display.Output.show(\"quiet display\");\n40 + 2", options, TIMEOUT);
        assertEquals("ok", quiet.status(), quiet::describe);
        List<String> published = quiet.iopub().stream().map(WireMessage::type)
                .filter(type -> !type.equals("status")).toList();
        assertTrue(published.isEmpty(), () -> "a silent cell broadcast " + published + ": " + quiet.describe());
        Execution loud = k.ok("System.out.print(\"loud\");");
        assertEquals("loud", loud.stream("stdout"), () -> "the silent cell's output leaked into the next cell: "
                + loud.describe());
        assertEquals(before + 1, count(loud), "a silent cell must not advance execution_count");
    }

    /** Front ends time cells from the header dates (JupyterLab's record timing): a second's sleep must show. */
    private static void dates(KernelFixture k) {
        Instant before = Instant.now().minusSeconds(1);
        Execution cell = k.ok("Thread.sleep(1000);");
        List<WireMessage> all = new ArrayList<>(cell.iopub());
        all.add(cell.reply());
        Instant input = null;
        for (WireMessage m : all) {
            String date = m.header().get("date").getAsString();
            assertTrue(date.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"),
                    () -> m.type() + " is dated '" + date + "'; expected an ISO 8601 UTC time to the microsecond");
            Instant at = Instant.parse(date);
            assertTrue(!at.isBefore(before) && !at.isAfter(Instant.now()),
                    () -> m.type() + " is dated " + date + ", not during the request");
            if (m.type().equals("execute_input")) {
                input = at;
            }
        }
        assertTrue(input != null, cell::describe);
        Duration ran = Duration.between(input, Instant.parse(
                cell.reply().header().get("date").getAsString()));
        assertTrue(ran.toMillis() >= 1000, "execute_input to execute_reply took " + ran + " for a 1 s sleep");
    }

    private static void noHistory(KernelFixture k) {
        int before = count(k.ok("1"));
        JsonObject options = new JsonObject();
        options.addProperty("store_history", false);
        Execution cell = Execution.run(k.client(), "40 + 2", options, TIMEOUT);
        assertEquals("42", cell.result("text/plain"), cell::describe);
        assertEquals(before + 1, count(k.ok("2")), "store_history=false must not advance execution_count");
    }

    private static void stopOnError(KernelFixture k) {
        WireClient client = k.client();
        String failing = client.send("shell", "execute_request", Execution.request(
                "Thread.sleep(500);\nthrow new RuntimeException(\"first fails\");", new JsonObject()));
        String queued = client.send("shell", "execute_request",
                Execution.request("int ranAfterError = 1;", new JsonObject()));
        assertEquals("error", Execution.await(client, "first", failing, TIMEOUT).status());
        WireMessage reply = client.reply("shell", queued, TIMEOUT);
        assertEquals("aborted", reply.text("status"), () -> "queued cell after an error: " + reply.content());
        Execution check = Execution.run(client, "ranAfterError", new JsonObject(), TIMEOUT);
        assertFalse(check.status().equals("aborted"), () -> "a cell sent after the aborted reply was aborted too;"
                + " expected only the requests queued when the error happened to be aborted: " + check.describe());
        assertEquals("error", check.status(), () -> "the aborted cell ran anyway: " + check.describe());
    }

    private static void threeAtOnce(KernelFixture k) {
        WireClient client = k.client();
        String failing = client.send("shell", "execute_request", Execution.request(
                "throw new IllegalStateException(\"fails at once\");", new JsonObject()));
        String second = client.send("shell", "execute_request", Execution.request("int secondRan = 1;",
                new JsonObject()));
        String third = client.send("shell", "execute_request", Execution.request("int thirdRan = 1;",
                new JsonObject()));
        assertEquals("error", Execution.await(client, "first", failing, TIMEOUT).status());
        for (String queued : List.of(second, third)) {
            WireMessage reply = client.reply("shell", queued, TIMEOUT);
            assertEquals("aborted", reply.text("status"), () -> "a request sent with the failing one: "
                    + reply.content());
        }
        Execution check = Execution.run(client, "secondRan + thirdRan", new JsonObject(), TIMEOUT);
        assertEquals("error", check.status(), () -> "an aborted cell ran anyway: " + check.describe());
        assertEquals("ok", Execution.run(client, "1", new JsonObject(), TIMEOUT).status(),
                "a cell sent after the error was seen must run");
    }

    private static void continueOnError(KernelFixture k) {
        WireClient client = k.client();
        JsonObject keepGoing = new JsonObject();
        keepGoing.addProperty("stop_on_error", false);
        String failing = client.send("shell", "execute_request",
                Execution.request("Thread.sleep(500);\nthrow new RuntimeException(\"fails alone\");", keepGoing));
        String queued = client.send("shell", "execute_request", Execution.request("20 + 22", new JsonObject()));
        Execution first = Execution.await(client, "first", failing, TIMEOUT);
        assertEquals("error", first.status(), first::describe);
        Execution after = Execution.await(client, "20 + 22", queued, TIMEOUT);
        assertEquals("42", after.result("text/plain"), after::describe);
    }

    private static void restart(KernelFixture k) {
        k.ok("int beforeRestart = 1;");
        JsonObject content = new JsonObject();
        content.addProperty("restart", true);
        WireClient client = k.client();
        WireMessage reply = client.reply("control", client.send("control", "shutdown_request", content), TIMEOUT);
        assertTrue(reply.content().get("restart").getAsBoolean(), () -> "shutdown_reply: " + reply.content());
        assertTrue(k.current().awaitExit(Duration.ofSeconds(10)), "kernel still running 10 s after a restart reply");
        Execution after = k.run("beforeRestart");
        assertEquals("error", after.status(), () -> "a variable survived the restart: " + after.describe());
        assertEquals("42", k.ok("6 * 7").result("text/plain"));
    }

    private static void shutdown(KernelFixture k) {
        JsonObject content = new JsonObject();
        content.addProperty("restart", false);
        WireClient client = k.client();
        String id = client.send("control", "shutdown_request", content);
        WireMessage reply = client.reply("control", id, TIMEOUT);
        assertEquals("shutdown_reply", reply.type());
        assertFalse(reply.content().get("restart").getAsBoolean());
        assertTrue(k.current().awaitExit(Duration.ofSeconds(10)), "kernel still running 10 s after shutdown_reply");
    }
}
