package org.dltips.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.dltips.kernel.wire.Execution;
import org.dltips.kernel.wire.KernelFixture;
import org.dltips.kernel.wire.PerJdk;
import org.dltips.kernel.wire.WireClient;
import org.dltips.kernel.wire.WireMessage;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Jupyter widget protocol over the real wire, with this test playing the front end: comms opened before the
 * views that show them, comm_info, updates and clicks, callbacks folded while one runs, the stop button, errors,
 * and the control comm a reloaded page asks for every widget's state.
 */
class WidgetsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String SQUARES = "IntSlider n = IntSlider.of(\"n\", 0, 100, 3);\n"
            + "var ui = Interactive.of(() -> System.out.println(\"square of \" + n.value() + \" is \" + n.value() * n.value()), n);\n"
            + "ui";

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicNode> widgetsOverTheWire() {
        Map<String, Consumer<KernelFixture>> cases = PerJdk.cases();
        cases.put("a widget's comm opens before the view that shows it, and comm_info lists it", k -> {
            Execution cell = k.ok("IntSlider epochs = IntSlider.of(\"epochs\", 1, 20, 5);\nepochs");
            WireMessage open = cell.ofType("comm_open").stream()
                    .filter(m -> model(m).equals("IntSliderModel")).findFirst()
                    .orElseThrow(() -> new AssertionError("no comm_open of an IntSliderModel: " + cell.describe()));
            assertEquals("jupyter.widget", open.text("target_name"));
            assertEquals("2.1.0", open.metadata().get("version").getAsString());
            JsonObject state = open.content().getAsJsonObject("data").getAsJsonObject("state");
            assertEquals(5, state.get("value").getAsInt());
            assertEquals("2.0.0", state.get("_model_module_version").getAsString());
            JsonObject view = cell.ofType("execute_result").get(0).content().getAsJsonObject("data")
                    .getAsJsonObject("application/vnd.jupyter.widget-view+json");
            assertEquals(open.text("comm_id"), view.get("model_id").getAsString(), cell::describe);
            assertEquals(2, view.get("version_major").getAsInt());
            assertTrue(cell.iopub().indexOf(open) < cell.iopub().indexOf(cell.ofType("execute_result").get(0)));

            JsonObject comms = commInfo(k.client(), "jupyter.widget");
            assertTrue(comms.has(open.text("comm_id")), comms::toString);
            assertEquals("jupyter.widget", comms.getAsJsonObject(open.text("comm_id")).get("target_name").getAsString());
            assertEquals(0, commInfo(k.client(), "some.other.target").size());
        });
        cases.put("a front-end update changes what Java reads and reruns an Interactive into its output widget", k -> {
            String slider = commOf(k.ok(SQUARES), "IntSliderModel");
            String id = update(k.client(), slider, Map.of("value", 5));
            idle(k.client(), id);
            assertTrue(outputsAnswering(k.client(), id).contains("square of 5 is 25"),
                    () -> "no output update for " + id + ": " + k.client().all(id));
            assertEquals("5 2", k.ok("n.value() + \" \" + ui.runs()").result("text/plain"));
        });
        cases.put("twenty quick changes fold into a few runs, each change gets its idle, the last value wins", k -> {
            String slider = commOf(k.ok("IntSlider n = IntSlider.of(\"n\", 0, 100, 0);\n"
                    + "var ui = Interactive.of(() -> { try { Thread.sleep(100); } catch (InterruptedException e) { }\n"
                    + "    System.out.println(\"value \" + n.value()); }, n);\nui"), "IntSliderModel");
            List<String> ids = new ArrayList<>();
            for (int v = 1; v <= 20; v++) {
                ids.add(update(k.client(), slider, Map.of("value", v)));
            }
            ids.forEach(id -> idle(k.client(), id));
            int runs = Integer.parseInt(k.ok("ui.runs()").result("text/plain"));
            assertTrue(runs >= 2 && runs <= 6, () -> "1 first run plus the folded reruns: expected 2 to 6, got " + runs);
            assertEquals("value 20\n", k.ok("ui.output().text()").result("text/plain").replace("\"", "")
                    .replace("\\n", "\n"));
        });
        cases.put("a click arrives as a custom message; output without an output area answers the click", k -> {
            String button = commOf(k.ok("Button go = Button.of(\"go\");\n"
                    + "go.onClick(() -> System.out.println(\"clicked \" + go.clicks()));\ngo"), "ButtonModel");
            String id = custom(k.client(), button, Map.of("event", "click"));
            idle(k.client(), id);
            String printed = k.client().iopub(id).stream().filter(m -> m.type().equals("stream"))
                    .map(m -> m.text("text")).reduce("", String::concat);
            assertEquals("clicked 1\n", printed, () -> k.client().iopub(id).toString());
        });
        cases.put("the stop button ends a callback that never returns, and the next change runs", k -> {
            String button = commOf(k.ok("Button spin = Button.of(\"spin\");\n"
                    + "spin.onClick(() -> { while (true) { } });\nspin"), "ButtonModel");
            String slider = commOf(k.ok(SQUARES), "IntSliderModel");
            String click = custom(k.client(), button, Map.of("event", "click"));
            k.client().drain(1000);
            assertTrue(k.client().iopub(click).stream().noneMatch(WidgetsIT::isIdle), "the loop ended by itself");
            long t0 = System.nanoTime();
            k.kernel().interrupt();
            idle(k.client(), click);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(millis < 5000, () -> "the stop took " + millis + " ms");
            String id = update(k.client(), slider, Map.of("value", 7));
            idle(k.client(), id);
            assertTrue(outputsAnswering(k.client(), id).contains("square of 7 is 49"),
                    () -> "after the stop no rerun: " + k.client().all(id));
            k.assertAnswers("a stopped widget callback");
        });
        cases.put("a callback that ignores the stop for over 0.6 s leaves the next change working", k -> {
            // BigInteger.pow runs in the JDK, which gets no stop checks: the deep stop after 0.6 s then puts checks
            // into the widget classes on the cell thread's stack, which the next change also goes through.
            String slider = commOf(k.ok("IntSlider n = IntSlider.of(\"n\", 0, 100, 3);\n"
                    + "var ui = Interactive.of(() -> System.out.println(n.value() == 1\n"
                    + "    ? \"bits \" + java.math.BigInteger.valueOf(3).pow(6_000_000).bitLength()\n"
                    + "    : \"square of \" + n.value() + \" is \" + n.value() * n.value()), n);\nui"), "IntSliderModel");
            String slow = update(k.client(), slider, Map.of("value", 1));
            k.client().drain(300);
            k.kernel().interrupt();
            idle(k.client(), slow);
            String id = update(k.client(), slider, Map.of("value", 6));
            idle(k.client(), id);
            assertTrue(outputsAnswering(k.client(), id).contains("square of 6 is 36"),
                    () -> "after a deep stop no rerun: " + k.client().all(id));
            String other = update(k.client(), slider, Map.of("value", 8));
            idle(k.client(), other);
            assertTrue(outputsAnswering(k.client(), other).contains("square of 8 is 64"),
                    () -> "no rerun for a second change: " + k.client().all(other));
            k.assertAnswers("a widget callback stopped the deep way");
        });
        cases.put("an exception in a callback shows as an error in its output widget", k -> {
            String slider = commOf(k.ok("IntSlider n = IntSlider.of(\"n\", 0, 10, 1);\n"
                    + "Interactive.of(() -> { if (n.value() > 5) throw new IllegalStateException(\"too big: \" + n.value());"
                    + " System.out.println(\"fine\"); }, n)"), "IntSliderModel");
            String id = update(k.client(), slider, Map.of("value", 8));
            idle(k.client(), id);
            String outputs = outputsAnswering(k.client(), id);
            assertTrue(outputs.contains("\"ename\":\"IllegalStateException\"") && outputs.contains("too big: 8"),
                    outputs);
            k.assertAnswers("a failing widget callback");
        });
        cases.put("a reloaded page gets every widget's state through the control comm", k -> {
            String slider = commOf(k.ok(SQUARES), "IntSliderModel");
            idle(k.client(), update(k.client(), slider, Map.of("value", 9)));
            JsonObject open = new JsonObject();
            open.addProperty("comm_id", "control-1");
            open.addProperty("target_name", "jupyter.widget.control");
            open.add("data", new JsonObject());
            idle(k.client(), k.client().send("shell", "comm_open", open));
            String ask = send(k.client(), "control-1", Map.of("method", "request_states"));
            WireMessage states = k.client().first(m -> m.type().equals("comm_msg") && m.parentId().equals(ask),
                    TIMEOUT).orElseThrow(() -> new AssertionError("no update_states for " + ask));
            JsonObject data = states.content().getAsJsonObject("data");
            assertEquals("update_states", data.get("method").getAsString());
            JsonObject entry = data.getAsJsonObject("states").getAsJsonObject(slider);
            assertEquals("IntSliderModel", entry.get("model_name").getAsString());
            assertEquals("@jupyter-widgets/controls", entry.get("model_module").getAsString());
            assertEquals("2.0.0", entry.get("model_module_version").getAsString());
            assertEquals(9, entry.getAsJsonObject("state").get("value").getAsInt());

            JsonObject unknown = new JsonObject();
            unknown.addProperty("comm_id", "nobody-1");
            unknown.addProperty("target_name", "no.such.target");
            unknown.add("data", new JsonObject());
            String openId = k.client().send("shell", "comm_open", unknown);
            idle(k.client(), openId);
            assertTrue(k.client().iopub(openId).stream().anyMatch(m -> m.type().equals("comm_close")),
                    "a comm to an unknown target is closed");
        });
        return PerJdk.containers("widgets", dir, cases);
    }

    private static String model(WireMessage open) {
        return open.content().getAsJsonObject("data").getAsJsonObject("state").get("_model_name").getAsString();
    }

    private static String commOf(Execution cell, String model) {
        return cell.ofType("comm_open").stream().filter(m -> model(m).equals(model)).findFirst()
                .map(m -> m.text("comm_id"))
                .orElseThrow(() -> new AssertionError("no " + model + " opened: " + cell.describe()));
    }

    private static JsonObject commInfo(WireClient client, String target) {
        JsonObject content = new JsonObject();
        content.addProperty("target_name", target);
        WireMessage reply = client.reply("shell", client.send("shell", "comm_info_request", content), TIMEOUT);
        assertEquals("ok", reply.text("status"));
        return reply.content().getAsJsonObject("comms");
    }

    private static String update(WireClient client, String comm, Map<String, Object> state) {
        return send(client, comm, Map.of("method", "update", "state", state, "buffer_paths", List.of()));
    }

    private static String custom(WireClient client, String comm, Map<String, Object> content) {
        return send(client, comm, Map.of("method", "custom", "content", content));
    }

    private static String send(WireClient client, String comm, Map<String, Object> data) {
        JsonObject content = new JsonObject();
        content.addProperty("comm_id", comm);
        content.add("data", new com.google.gson.Gson().toJsonTree(data));
        return client.send("shell", "comm_msg", content);
    }

    private static boolean isIdle(WireMessage m) {
        return m.type().equals("status") && m.text("execution_state").equals("idle");
    }

    private static void idle(WireClient client, String id) {
        client.iopubUntilIdle(id, TIMEOUT);
    }

    /** The output-widget updates the kernel sent in answer to request {@code id}, as JSON text. */
    private static String outputsAnswering(WireClient client, String id) {
        Predicate<WireMessage> outputs = m -> m.type().equals("comm_msg")
                && m.content().getAsJsonObject("data").has("state")
                && m.content().getAsJsonObject("data").getAsJsonObject("state").has("outputs");
        JsonArray all = new JsonArray();
        client.iopub(id).stream().filter(outputs)
                .forEach(m -> all.add(m.content().getAsJsonObject("data").getAsJsonObject("state").get("outputs")));
        return all.toString();
    }
}
