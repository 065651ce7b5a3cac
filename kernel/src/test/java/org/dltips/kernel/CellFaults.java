package org.dltips.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Locale;
import org.dltips.kernel.wire.Execution;
import org.dltips.kernel.wire.KernelFixture;
import org.dltips.kernel.wire.KernelProcess;
import org.dltips.kernel.wire.ProcessCpu;
import org.dltips.kernel.wire.WireClient;

/** Student mistakes inside cells; each case is followed by a check that the kernel still answers. */
final class CellFaults {

    private CellFaults() {
    }

    static void exception(KernelFixture k) {
        Execution cell = k.run("Object missing = null;\nmissing.toString();");
        assertEquals("error", cell.status(), cell::describe);
        assertTrue(cell.errorText().contains("NullPointerException"), cell::describe);
    }

    static void systemExit(KernelFixture k) {
        Execution cell = k.run("System.exit(0);");
        assertTrue(k.current().alive(), () -> "System.exit(0) in a cell ended the kernel process; expected the"
                + " kernel to stop the call and keep answering. Reply: " + cell.describe());
    }

    static void infiniteRecursion(KernelFixture k) {
        k.ok("int down(int n) { return down(n + 1) + 1; }");
        Execution cell = k.run("down(0)");
        assertEquals("error", cell.status(), cell::describe);
        assertTrue(cell.errorText().contains("StackOverflowError"), cell::describe);
    }

    static void outOfMemory(KernelFixture k) {
        Execution cell = k.run("{\n    var hoard = new java.util.ArrayList<long[]>();\n"
                + "    while (true) {\n        hoard.add(new long[50_000_000]);\n    }\n}");
        assertEquals("error", cell.status(), cell::describe);
        assertTrue(cell.errorText().contains("OutOfMemoryError"), cell::describe);
    }

    static void millionLines(KernelFixture k) {
        String code = "for (int i = 0; i < 1_000_000; i++) {\n    System.out.println(\"line \" + i);\n}";
        Execution cell = Execution.run(k.client(), code, new JsonObject(), Duration.ofMinutes(3));
        String out = cell.stream("stdout") + cell.stream("stderr");
        int uncapped = 12_888_890;
        assertTrue(out.length() < uncapped / 2, () -> "a million printed lines reached the client uncut ("
                + out.length() + " chars); expected the per-cell output cap to cut them");
        assertFalse(out.contains("line 999999\n"), "the last of a million lines reached the client");
        String lower = out.toLowerCase(Locale.ROOT);
        assertTrue(lower.contains("truncat") || lower.contains("limit") || lower.contains("cut")
                        || lower.contains("cap") || lower.contains("omitted"),
                () -> "capped output should say it was cut; its end was: "
                        + out.substring(Math.max(0, out.length() - 300)));
        System.out.printf("million-line cell: %s, %d chars reached the client%n", cell.status(), out.length());
    }

    static void strayThread(KernelFixture k) {
        k.ok("Thread ticker = new Thread(() -> {\n    for (int i = 0; i < 40; i++) {\n"
                + "        System.out.println(\"tick \" + i);\n"
                + "        try { Thread.sleep(50); } catch (InterruptedException e) { return; }\n    }\n});\n"
                + "ticker.setDaemon(true);\nticker.start();");
        for (int i = 0; i < 3; i++) {
            Execution next = k.run("7 * 6");
            assertEquals("42", next.result("text/plain"), () -> "while a student thread prints: "
                    + next.describe());
        }
        k.client().first(m -> m.type().equals("stream") && m.text("text").contains("tick 39"),
                Duration.ofSeconds(60)).orElseThrow(() -> new AssertionError("the student thread's last tick never"
                + " arrived"));
    }

    static void interruptBusyLoop(KernelFixture k) {
        interrupt(k, "while (true) {\n}");
    }

    static void interruptSleepLoop(KernelFixture k) {
        interrupt(k, "while (true) {\n    Thread.sleep(100);\n}");
    }

    static void interruptTraining(KernelFixture k) {
        k.ok("var layers = new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder().seed(1).list()\n"
                + "    .layer(new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nIn(784).nOut(689)\n"
                + "        .activation(org.nd4j.linalg.activations.Activation.SIGMOID).build())\n"
                + "    .layer(new org.deeplearning4j.nn.conf.layers.OutputLayer.Builder(\n"
                + "            org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction.MCXENT).nIn(689).nOut(10)\n"
                + "        .activation(org.nd4j.linalg.activations.Activation.SOFTMAX).build())\n"
                + "    .build();\n"
                + "var net = new org.deeplearning4j.nn.multilayer.MultiLayerNetwork(layers);\n"
                + "net.init();\n"
                + "var x = org.nd4j.linalg.factory.Nd4j.rand(100, 784);\n"
                + "var y = org.nd4j.linalg.factory.Nd4j.zeros(100, 10);\n"
                + "y.getColumn(0).assign(1);");
        interrupt(k, "for (int epoch = 0; epoch < 1_000_000; epoch++) {\n    net.fit(x, y);\n}");
    }

    private static void interrupt(KernelFixture k, String code) {
        KernelProcess kernel = k.kernel();
        WireClient client = kernel.client();
        double before = ProcessCpu.awaitQuiet(kernel.pid(), 0.3, 30_000);
        String id = client.send("shell", "execute_request", Execution.request(code, new JsonObject()));
        client.first(m -> m.parentId().equals(id) && m.text("execution_state").equals("busy"),
                Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError("cell never started: " + code));
        double during = ProcessCpu.busyFraction(kernel.pid(), 1000);
        long start = System.nanoTime();
        kernel.interrupt();
        Execution cell = Execution.await(client, code, id, Duration.ofSeconds(10));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals("error", cell.status(), () -> "interrupted cell should end in error: " + cell.describe());
        assertTrue(seconds < 2.0, () -> String.format("interrupt took %.2f s; expected under 2 s", seconds));
        double after = ProcessCpu.busyFraction(kernel.pid(), 1000);
        System.out.printf("interrupt of %s: %.2f s to reply; CPU %.2f s/s before, %.2f while running,"
                + " %.2f in the second after%n", code.replace('\n', ' '), seconds, before, during, after);
        String usage = String.format("kernel used %.2f CPU seconds per second after the interrupt (%.2f while"
                + " the cell ran, %.2f before it)", after, during, before);
        assertTrue(after < 0.3, () -> usage + "; expected under 0.3: the cell's thread is still running");
        assertTrue(during < 0.3 || after < during / 2, () -> usage + "; expected under half of the running"
                + " level: the cell's thread is still running");
    }
}
