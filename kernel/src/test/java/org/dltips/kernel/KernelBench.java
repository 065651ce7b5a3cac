package org.dltips.kernel;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.dltips.kernel.wire.Execution;
import org.dltips.kernel.wire.KernelJar;
import org.dltips.kernel.wire.KernelProcess;

/**
 * Measures the kernel the way a user feels it, over the real wire: launch to {@code kernel_info_reply}, the first
 * cell that touches ND4J (from process start), the median round trip of {@code 1+2} after warm-up, and (with
 * {@code --training}) the lecture's training cell: 20 epochs of the ReLU network on MNIST, training and test
 * accuracy after every epoch, as notebook 02 runs it, then with Adam as notebook 05 does; (with
 * {@code --long-session}) the {@code 1+2} round trip and the kernel's resident memory after 20, 500 and 2 000
 * cells that each declare a variable or a method; ({@code --jvm-flag}) with extra JVM flags, such as another
 * compiler setting.
 * Not a test: run it with
 * {@code ./dltips bench-kernel [--java JAVA_HOME] [--launches N] [--training] [--long-session] [--jvm-flag FLAG]}.
 *
 * <p>{@code java -cp kernel/target/test-classes:kernel/target/dltips-kernel.jar org.dltips.kernel.KernelBench}
 */
public final class KernelBench {

    private static final String ND4J_CELL = "org.nd4j.linalg.factory.Nd4j.ones(2, 2).sumNumber()";
    private static final String DATA_CELL = """
            var mnist = Mnist.load();
            Dataset train = mnist.train().first(10_000).scaled();
            Dataset test = mnist.test().scaled();
            train.size() + test.size()""";
    private static final String TRAINING_CELL = """
            Network net = Network.input(784).hidden(3, 689, Activation.RELU).softmax(10).loss(Loss.CROSS_ENTROPY)
                    .optimizer(Optimizer.sgd(0.1)).seed(1).build();
            History history = net.fit(train, test, Fit.epochs(20).batchSize(100));
            String.format("%.4f / %.4f, %.1f s of it training", history.last().trainAccuracy(),
                    history.last().validationAccuracy(), history.epochs().stream().mapToDouble(e -> e.seconds()).sum())""";
    /** Notebook 05's Adam run: its update is a Java pass over every weight, so it shows what the JIT flags cost. */
    private static final String ADAM_CELL = TRAINING_CELL.replace("Optimizer.sgd(0.1)", "Optimizer.adam(0.001)");

    /** After this many declaring cells the long-session round trip is measured. */
    private static final int[] SESSION_MARKS = {20, 500, 2000};
    /** The long session's bars: last round trip over the first, and resident memory added from 20 to 2 000 cells. */
    private static final double SESSION_RATIO_BAR = 1.3;
    private static final long SESSION_MEMORY_BAR_MIB = 256;

    private KernelBench() {
    }

    public static void main(String[] args) throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        int launches = 3;
        boolean training = false;
        boolean longSession = false;
        List<String> jvmFlags = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--java" -> javaHome = Path.of(value(args, ++i));
                case "--launches" -> launches = Integer.parseInt(value(args, ++i));
                case "--training" -> training = true;
                case "--long-session" -> longSession = true;
                case "--jvm-flag" -> jvmFlags.add(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; expected --java JAVA_HOME, --launches N, --training, --long-session or --jvm-flag FLAG");
            }
        }
        KernelJar jar = KernelJar.find();
        Path dir = Files.createTempDirectory("dltips-bench");
        var spec = withJvmFlags(jar.install(javaHome, dir.resolve("prefix")), jvmFlags);
        String mode = spec.has("interrupt_mode") ? spec.get("interrupt_mode").getAsString() : "signal";
        List<Double> launch = new ArrayList<>();
        List<Double> nd4j = new ArrayList<>();
        List<Double> roundTrip = new ArrayList<>();
        boolean sessionOk = true;
        for (int run = 0; run < launches; run++) {
            try (KernelProcess kernel = KernelProcess.start(KernelProcess.command(jar, javaHome, spec), dir, mode)) {
                launch.add(kernel.launchMillis());
                Execution first = Execution.run(kernel.client(), ND4J_CELL);
                if (!first.status().equals("ok")) {
                    throw new IllegalStateException("the ND4J cell failed: " + first.describe());
                }
                nd4j.add(kernel.millisSinceStart());
                roundTrip.add(medianRoundTrip(kernel));
                System.out.printf("launch %d: kernel_info %.0f ms, first ND4J cell %.0f ms from start,"
                        + " 1+2 median %.1f ms%n", run + 1, launch.get(run), nd4j.get(run), roundTrip.get(run));
                if (training && run == launches - 1) {
                    trainingCell(kernel);
                }
                if (longSession && run == launches - 1) {
                    sessionOk = longSession(kernel);
                }
            }
        }
        System.out.printf("%nKernel benchmark (load average %s on %d cores), median of %d launches of: %s%n",
                loadAverage(), Runtime.getRuntime().availableProcessors(), launches,
                String.join(" ", spec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList()));
        boolean ok = report("launch to kernel_info_reply", median(launch), 2000)
                & report("1+2 round trip after warm-up (median)", median(roundTrip), 30)
                & report("first ND4J cell from kernel start", median(nd4j), 3000) & sessionOk;
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        System.exit(ok ? 0 : 1);
    }

    /** The spec with extra JVM flags put before {@code -jar}, where they override the spec's own. */
    private static JsonObject withJvmFlags(JsonObject spec, List<String> flags) {
        if (flags.isEmpty()) {
            return spec;
        }
        var argv = spec.getAsJsonArray("argv");
        var changed = new com.google.gson.JsonArray();
        for (var arg : argv) {
            if (arg.getAsString().equals("-jar")) {
                flags.forEach(changed::add);
            }
            changed.add(arg);
        }
        spec.add("argv", changed);
        return spec;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    /** Runs the lecture's 20-epoch training cell in the kernel and prints its wall time, over the wire. */
    private static void trainingCell(KernelProcess kernel) {
        Execution data = Execution.run(kernel.client(), DATA_CELL, new JsonObject(), Duration.ofMinutes(5));
        if (!data.status().equals("ok")) {
            throw new IllegalStateException("loading MNIST failed (fetch it with ./dltips start --no-open): "
                    + data.describe());
        }
        timeCell(kernel, TRAINING_CELL, "SGD 0.1");
        timeCell(kernel, ADAM_CELL, "Adam 0.001");
    }

    private static void timeCell(KernelProcess kernel, String code, String optimizer) {
        long start = System.nanoTime();
        Execution cell = Execution.run(kernel.client(), code, new JsonObject(), Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!cell.status().equals("ok")) {
            throw new IllegalStateException("the training cell failed: " + cell.describe());
        }
        System.out.printf("training cell (20 epochs, 784-689-689-689-10 ReLU, %s, batch 100, 10 000 images,"
                + " train and test accuracy every epoch): %.1f s, final accuracy %s%n", optimizer, seconds,
                cell.result("text/plain"));
    }

    /**
     * Runs 2 000 cells that each declare a variable or a method (every fifth also uses an earlier one) in
     * {@code kernel}, and at 20, 500 and 2 000 of them measures the median {@code 1+2} round trip and the
     * resident memory; true when the last round trip is within 1.3 times the first and memory grew by less than
     * 256 MiB.
     */
    private static boolean longSession(KernelProcess kernel) {
        double[] trips = new double[SESSION_MARKS.length];
        long[] rss = new long[SESSION_MARKS.length];
        int declared = 0;
        long sessionStart = System.nanoTime();
        for (int m = 0; m < SESSION_MARKS.length; m++) {
            while (declared < SESSION_MARKS[m]) {
                int n = declared++;
                String code = n % 2 == 0 ? "int v" + n + " = " + n + ";"
                        : "int f" + n + "(int x) { return x + " + n + "; }";
                if (n % 5 == 4) {
                    int even = (n - 4) & ~1;
                    code += "\nv" + even + " + f" + (even + 1) + "(1)";
                }
                Execution cell = Execution.run(kernel.client(), code);
                if (!cell.status().equals("ok")) {
                    throw new IllegalStateException("long-session cell " + n + " failed: " + cell.describe());
                }
            }
            trips[m] = medianRoundTrip(kernel);
            rss[m] = residentKib(kernel.pid());
            System.out.printf("long session: after %4d declaring cells, 1+2 median %.1f ms, resident %d MiB"
                    + " (%.0f s into the session)%n", SESSION_MARKS[m], trips[m], rss[m] / 1024,
                    (System.nanoTime() - sessionStart) / 1e9);
        }
        int last = SESSION_MARKS.length - 1;
        double ratio = trips[last] / trips[0];
        long grew = (rss[last] - rss[0]) / 1024;
        boolean met = ratio < SESSION_RATIO_BAR && grew < SESSION_MEMORY_BAR_MIB;
        System.out.printf("long session: round trip after %d cells / after %d cells = %.2f (bar %.1f), resident"
                + " memory grew %d MiB (bar %d MiB): %s%n", SESSION_MARKS[last], SESSION_MARKS[0], ratio,
                SESSION_RATIO_BAR, grew, SESSION_MEMORY_BAR_MIB, met ? "met" : "MISSED");
        return met;
    }

    private static long residentKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double medianRoundTrip(KernelProcess kernel) {
        for (int i = 0; i < 20; i++) {
            Execution.run(kernel.client(), "1+2");
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long start = System.nanoTime();
            Execution cell = Execution.run(kernel.client(), "1+2");
            times.add((System.nanoTime() - start) / 1e6);
            if (!cell.result("text/plain").equals("3")) {
                throw new IllegalStateException("1+2 did not show 3: " + cell.describe());
            }
        }
        return median(times);
    }

    private static boolean report(String what, double millis, double bar) {
        boolean met = millis < bar;
        System.out.printf("  %-40s %8.1f ms   (bar %.0f ms: %s)%n", what, millis, bar, met ? "met" : "MISSED");
        return met;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
