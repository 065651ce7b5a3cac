package org.dltips.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
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

/** Drives the packaged kernel over its real ZeroMQ sockets: kernel_info, heartbeat and cell execution. */
class KernelWireIT {

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicNode> executeOverTheWire() {
        Map<String, Consumer<KernelFixture>> cases = PerJdk.cases();
        cases.put("kernel_info_reply describes a Java kernel", KernelWireIT::kernelInfo);
        cases.put("heartbeat echoes", k -> assertTrue(k.client().heartbeat(), "kernel did not echo a heartbeat"));
        cases.put("stdout and stderr stream, with busy/idle and execute_input", KernelWireIT::streams);
        cases.put("final expression becomes execute_result", KernelWireIT::result);
        cases.put("declarations and redefinitions across cells", KernelWireIT::redefinition);
        cases.put("compile error is an error reply with traceback", KernelWireIT::compileError);
        cases.put("runtime exception is an error with a clean traceback", KernelWireIT::runtimeError);
        cases.put("reading System.in without allow_stdin fails at once instead of blocking", KernelWireIT::stdin);
        cases.put("Output.show of an image is display_data with image/png", KernelWireIT::displayImage);
        cases.put("LiveDisplay.update sends update_display_data", KernelWireIT::updateDisplay);
        cases.put("application/json keeps its nulls on the wire", KernelWireIT::jsonNulls);
        return PerJdk.containers("wire protocol", dir, cases);
    }

    private static void kernelInfo(KernelFixture k) {
        WireClient client = k.client();
        String id = client.send("shell", "kernel_info_request", new JsonObject());
        WireMessage reply = client.reply("shell", id, Execution.CELL_TIMEOUT);
        assertEquals("kernel_info_reply", reply.type());
        assertEquals("ok", reply.text("status"), () -> "kernel_info_reply: " + reply.content());
        assertTrue(reply.text("protocol_version").startsWith("5."), () -> "protocol_version: " + reply.content());
        assertFalse(reply.text("implementation").isBlank(), () -> "no implementation: " + reply.content());
        JsonObject language = reply.content().getAsJsonObject("language_info");
        assertEquals("java", language.get("name").getAsString().toLowerCase(), () -> "language_info: " + language);
        assertTrue(language.has("file_extension"), () -> "language_info without file_extension: " + language);
        System.out.printf("kernel on %s answered kernel_info after %.0f ms%n", k.javaHome(),
                k.kernel().launchMillis());
    }

    private static void streams(KernelFixture k) {
        Execution cell = k.ok("System.out.println(\"hello from stdout\");\nSystem.err.println(\"hello from stderr\");");
        assertEquals("hello from stdout\n", cell.stream("stdout"), cell::describe);
        assertEquals("hello from stderr\n", cell.stream("stderr"), cell::describe);
        List<String> types = cell.iopub().stream().map(WireMessage::type).toList();
        assertEquals("status", types.get(0), () -> "first IOPub message should be status busy: " + types);
        assertEquals("busy", cell.iopub().get(0).text("execution_state"));
        assertTrue(types.contains("execute_input"), () -> "no execute_input: " + types);
        assertEquals("idle", cell.iopub().get(types.size() - 1).text("execution_state"));
    }

    private static void result(KernelFixture k) {
        Execution cell = k.ok("1 + 2");
        assertEquals("3", cell.result("text/plain"), cell::describe);
        assertTrue(cell.reply().content().get("execution_count").getAsInt() > 0, cell::describe);
        int first = cell.reply().content().get("execution_count").getAsInt();
        Execution next = k.ok("int unused = 1 + 2;");
        assertEquals(first + 1, next.reply().content().get("execution_count").getAsInt(), next::describe);
    }

    private static void redefinition(KernelFixture k) {
        k.ok("int base = 2;\nint twice(int x) {\n    return 2 * x;\n}");
        assertEquals("5", k.ok("twice(base) + 1").result("text/plain"));
        k.ok("int twice(int x) {\n    return 3 * x;\n}");
        assertEquals("6", k.ok("twice(base)").result("text/plain"));
        k.ok("String base = \"now a string\";");
        assertEquals("12", k.ok("base.length()").result("text/plain"));
    }

    private static void compileError(KernelFixture k) {
        Execution cell = k.run("int fine = 1;\nint broken = \"text\";");
        assertEquals("error", cell.status(), cell::describe);
        assertFalse(cell.ofType("error").isEmpty(), () -> "no error message on IOPub: " + cell.describe());
        assertTrue(cell.reply().content().getAsJsonArray("traceback").size() > 0, cell::describe);
        assertTrue(cell.errorText().contains("incompatible types") || cell.errorText().contains("String"),
                () -> "compile error should name the type problem: " + cell.describe());
        assertTrue(cell.errorText().contains("line 2"), () -> "compile error should give the cell-relative line 2: "
                + cell.errorText());
        assertTrue(cell.errorText().contains("^"), () -> "compile error should mark the failing span: "
                + cell.errorText());
    }

    private static void runtimeError(KernelFixture k) {
        Execution cell = k.run("throw new IllegalStateException(\"broken on purpose\");");
        assertEquals("error", cell.status(), cell::describe);
        assertTrue(cell.reply().text("ename").contains("IllegalStateException"), cell::describe);
        assertTrue(cell.reply().text("evalue").contains("broken on purpose"), cell::describe);
        assertFalse(cell.errorText().contains("jdk.jshell.execution"),
                () -> "traceback should hide JShell-internal frames: " + cell.errorText());
        assertFalse(cell.errorText().contains("jdk.internal.reflect"),
                () -> "traceback should hide reflection frames: " + cell.errorText());
    }

    private static void stdin(KernelFixture k) {
        Execution cell = Execution.run(k.client(), "new java.util.Scanner(System.in).hasNextLine()", new JsonObject(),
                java.time.Duration.ofSeconds(15));
        assertEquals("NoKeyboardInputException", cell.reply().text("ename"), cell::describe);
    }

    private static void displayImage(KernelFixture k) {
        Execution cell = k.ok("org.dltips.display.Output.show(new java.awt.image.BufferedImage(8, 8,"
                + " java.awt.image.BufferedImage.TYPE_INT_RGB));");
        List<WireMessage> displays = cell.ofType("display_data");
        assertEquals(1, displays.size(), cell::describe);
        assertTrue(displays.get(0).content().getAsJsonObject("data").has("image/png"),
                () -> "display_data without image/png: " + displays.get(0).content().keySet());
    }

    private static void jsonNulls(KernelFixture k) {
        Execution cell = k.ok("org.dltips.display.Displayable shown = () -> java.util.Map.of(\"text/plain\", \"run\","
                + " \"application/json\", \"{\\\"run\\\": {\\\"test_accuracy\\\": null, \\\"seconds\\\": 2}, \\\"list\\\": [1, null]}\");\n"
                + "shown");
        JsonObject json = cell.ofType("execute_result").get(0).content().getAsJsonObject("data")
                .getAsJsonObject("application/json");
        assertTrue(json.getAsJsonObject("run").has("test_accuracy"), () -> "null member dropped: " + json);
        assertTrue(json.getAsJsonObject("run").get("test_accuracy").isJsonNull(), () -> json.toString());
        assertEquals(2, json.getAsJsonArray("list").size(), () -> json.toString());
    }

    private static void updateDisplay(KernelFixture k) {
        Execution cell = k.ok("var shown = org.dltips.display.Output.show(\"first\");\nshown.update(\"second\");");
        List<WireMessage> displays = cell.ofType("display_data");
        List<WireMessage> updates = cell.ofType("update_display_data");
        assertEquals(1, displays.size(), cell::describe);
        assertEquals(1, updates.size(), cell::describe);
        String shownId = displayId(displays.get(0));
        assertFalse(shownId.isEmpty(), () -> "display_data without transient.display_id: " + displays.get(0));
        assertEquals(shownId, displayId(updates.get(0)));
        assertTrue(updates.get(0).content().toString().contains("second"), () -> updates.get(0).toString());
    }

    private static String displayId(WireMessage message) {
        JsonObject transientPart = message.content().getAsJsonObject("transient");
        return transientPart == null || !transientPart.has("display_id") ? ""
                : transientPart.get("display_id").getAsString();
    }
}
