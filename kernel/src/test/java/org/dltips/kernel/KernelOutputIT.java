package org.dltips.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dltips.kernel.wire.Execution;
import org.dltips.kernel.wire.Jdks;
import org.dltips.kernel.wire.KernelFixture;
import org.dltips.kernel.wire.PerJdk;
import org.dltips.kernel.wire.WireClient;
import org.dltips.kernel.wire.WireMessage;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output order over the real wire: 2 000 cells that print without a newline, some also showing a value, an image
 * or a chart, lose nothing and keep the order the cell wrote it in, alone and while a thread prints all along.
 * The 2 000 run on the JDK the tests run on; each further JDK runs 200 of them (the output path is the same
 * code, and the long runs are most of the kernel tests' time).
 */
class KernelOutputIT {

    private static final int CELLS = 2000;
    private static final int CELLS_ON_OTHER_JDKS = 200;
    private static final Pattern TICK = Pattern.compile("tick(\\d+);");

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicNode> outputInOrder() {
        Map<String, Consumer<KernelFixture>> cases = PerJdk.cases();
        cases.put("many cells print, show values, images and charts: nothing lost, in order",
                k -> manyCells(k, "alone"));
        cases.put("many cells while a thread prints all along: the cells' output and every tick arrive",
                KernelOutputIT::withTicker);
        return PerJdk.containers("output order", dir, cases);
    }

    /** Cell {@code i}: prints, maybe shows an image or a chart, prints again, maybe ends with a value. */
    private static String code(int i) {
        StringBuilder code = new StringBuilder("System.out.print(\"a" + i + ";\");\n");
        if (i % 10 == 0) {
            code.append("org.dltips.display.Output.show(new java.awt.image.BufferedImage(2, 2, "
                    + "java.awt.image.BufferedImage.TYPE_INT_RGB));\n");
        }
        if (i % 100 == 0) {
            code.append("org.dltips.display.Output.show(org.knowm.xchart.QuickChart.getChart(\"c" + i
                    + "\", \"x\", \"y\", \"s\", new double[] {0, 1}, new double[] {1, 0}));\n");
        }
        code.append("System.err.print(\"e" + i + ";\");\nSystem.out.print(\"b" + i + ";\");");
        if (i % 3 == 0) {
            code.append("\n" + i + " * 2");
        }
        return code.toString();
    }

    /** How many cells a case runs on this fixture's JDK. */
    private static int cells(KernelFixture k) {
        return k.javaHome().equals(Jdks.all().get(0)) ? CELLS : CELLS_ON_OTHER_JDKS;
    }

    private static void manyCells(KernelFixture k, String label) {
        WireClient client = k.client();
        long start = System.nanoTime();
        int cells = cells(k);
        for (int i = 0; i < cells; i++) {
            Execution cell = Execution.run(client, code(i));
            assertEquals("ok", cell.status(), cell::describe);
            checkOrder(i, cell);
        }
        System.out.printf("%d cells (%s) on %s: %.1f s%n", cells, label, k.javaHome(),
                (System.nanoTime() - start) / 1e9);
    }

    /** The cell's own output, with any ticks of a background thread taken out, is exactly what it wrote. */
    private static void checkOrder(int i, Execution cell) {
        List<String> events = new ArrayList<>();
        for (WireMessage m : cell.iopub()) {
            if (m.type().equals("status") && m.text("execution_state").equals("idle")) {
                break;
            }
            switch (m.type()) {
                case "stream" -> {
                    String own = TICK.matcher(m.text("text")).replaceAll("");
                    for (String piece : own.split("(?<=;)")) {
                        if (!piece.isEmpty()) {
                            events.add(m.text("name") + ":" + piece);
                        }
                    }
                }
                case "display_data" -> events.add(m.content().getAsJsonObject("data").has("image/png")
                        ? "display" : "display without png");
                case "execute_result" -> events.add("result:" + m.content().getAsJsonObject("data")
                        .get("text/plain").getAsString());
                default -> { }
            }
        }
        List<String> expected = new ArrayList<>();
        expected.add("stdout:a" + i + ";");
        if (i % 10 == 0) {
            expected.add("display");
        }
        if (i % 100 == 0) {
            expected.add("display");
        }
        expected.add("stderr:e" + i + ";");
        expected.add("stdout:b" + i + ";");
        if (i % 3 == 0) {
            expected.add("result:" + (i * 2));
        }
        assertEquals(expected, events, () -> "cell " + i + " published before its idle status, in this order: "
                + events);
    }

    private static void withTicker(KernelFixture k) {
        k.ok("var ticking = new java.util.concurrent.atomic.AtomicBoolean(true);\n"
                + "Thread ticker = new Thread(() -> {\n"
                + "    for (int t = 0; ticking.get(); t++) {\n"
                + "        System.out.print(\"tick\" + t + \";\");\n"
                + "        try { Thread.sleep(1); } catch (InterruptedException e) { return; }\n"
                + "    }\n"
                + "    System.out.print(\"ticker done;\");\n"
                + "});\n"
                + "ticker.setDaemon(true);\n"
                + "ticker.start();");
        manyCells(k, "with a ticking thread");
        WireClient client = k.client();
        k.ok("ticking.set(false);\nticker.join();");
        client.first(m -> m.type().equals("stream") && m.text("text").contains("ticker done;"),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("the ticker's last words never came"));
        StringBuilder all = new StringBuilder();
        for (WireMessage m : client.received()) {
            if (m.channel().equals("iopub") && m.type().equals("stream") && m.text("name").equals("stdout")) {
                all.append(m.text("text"));
            }
        }
        Matcher ticks = TICK.matcher(all);
        int expectedTick = 0;
        while (ticks.find()) {
            int tick = Integer.parseInt(ticks.group(1));
            int want = expectedTick;
            assertEquals(want, tick, () -> "tick " + want + " was lost or came out of order (next came " + tick + ")");
            expectedTick++;
        }
        int total = expectedTick;
        int cells = cells(k);
        assertTrue(total > cells, () -> "only " + total + " ticks in " + cells + " cells: the thread hardly ran");
        System.out.printf("ticker: %d ticks, every one received, in order%n", total);
    }
}
