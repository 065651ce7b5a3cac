package org.dltips.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
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

/** System.in over the real wire: input_request when the front end allows it, a clear error when not, and stop. */
class KeyboardInputIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicNode> keyboardInputOverTheWire() {
        Map<String, Consumer<KernelFixture>> cases = PerJdk.cases();
        cases.put("Scanner.nextLine asks the front end after the printed question", k -> {
            Execution cell = answered(k, "System.out.print(\"Your name? \");\n"
                    + "String name = new Scanner(System.in).nextLine();\n\"Hello, \" + name", List.of("Ada"));
            assertEquals("ok", cell.status(), cell::describe);
            assertEquals("Hello, Ada", cell.result("text/plain"), cell::describe);
            assertEquals("Your name? ", cell.stream("stdout"), cell::describe);
        });
        cases.put("BufferedReader reads two answers, System.in.read a byte", k -> {
            Execution sum = answered(k, "var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));"
                    + "\nInteger.parseInt(in.readLine()) + Integer.parseInt(in.readLine())", List.of("2", "40"));
            assertEquals("42", sum.result("text/plain"), sum::describe);
            Execution one = answered(k, "System.in.read()", List.of("A"));
            assertEquals("65", one.result("text/plain"), one::describe);
        });
        cases.put("without allow_stdin a read fails saying this front end takes no input", k -> {
            Execution cell = k.run("new Scanner(System.in).nextLine()");
            assertEquals("error", cell.status(), cell::describe);
            assertEquals("NoKeyboardInputException", cell.reply().text("ename"), cell::describe);
            assertTrue(cell.reply().text("evalue").contains("without keyboard input"), cell::describe);
            k.assertAnswers("a read without a keyboard");
        });
        cases.put("the stop button ends a pending read, and the next question gets the next answer",
                KeyboardInputIT::stopWhileWaiting);
        return PerJdk.containers("keyboard input", dir, cases);
    }

    private static JsonObject withStdin() {
        JsonObject options = new JsonObject();
        options.addProperty("allow_stdin", true);
        return options;
    }

    /** Runs {@code code} with stdin allowed and answers its questions in order. */
    private static Execution answered(KernelFixture k, String code, List<String> answers) {
        WireClient client = k.client();
        String id = client.send("shell", "execute_request", Execution.request(code, withStdin()));
        for (String answer : answers) {
            WireMessage question = question(client, id);
            client.answer(question, answer);
        }
        return Execution.await(client, code, id, TIMEOUT);
    }

    private static WireMessage question(WireClient client, String requestId) {
        List<String> seen = client.all(requestId).stream().filter(m -> m.type().equals("input_request"))
                .map(m -> m.header().get("msg_id").getAsString()).toList();
        return client.first(m -> m.channel().equals("stdin") && m.type().equals("input_request")
                        && m.parentId().equals(requestId) && !seen.contains(m.header().get("msg_id").getAsString()),
                TIMEOUT).orElseThrow(() -> new AssertionError("no input_request for " + requestId));
    }

    private static void stopWhileWaiting(KernelFixture k) {
        WireClient client = k.client();
        String code = "new Scanner(System.in).nextLine()";
        String id = client.send("shell", "execute_request", Execution.request(code, withStdin()));
        WireMessage question = question(client, id);
        long t0 = System.nanoTime();
        k.kernel().interrupt();
        Execution stopped = Execution.await(client, code, id, TIMEOUT);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("error", stopped.status(), stopped::describe);
        assertTrue(stopped.errorText().contains("stopped"), stopped::describe);
        assertTrue(millis < 5000, () -> "the stop took " + millis + " ms");
        client.answer(question, "late answer to the stopped question");
        Execution next = answered(k, "new Scanner(System.in).nextLine()", List.of("fresh"));
        assertEquals("fresh", next.result("text/plain"), next::describe);
    }
}
