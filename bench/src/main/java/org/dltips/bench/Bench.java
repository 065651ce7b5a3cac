package org.dltips.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains the lecture network with DL4J and with PyTorch on the same data, alternating, and prints seconds per
 * epoch, the ratio ours/PyTorch and both sides' share of the machine's measured float32 matrix-product peak;
 * then every other network of the course notebooks the same way ({@link Course}). The last line is
 * {@code ratio_vs_pytorch=<the worst ratio>}, the line before it the lecture network's. Command: see
 * bench/README.md.
 *
 * <p>{@code java -cp ... org.dltips.bench.Bench rounds=3 workspace=ENABLED}
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Settings s = Settings.parse(args);
        String warning = NativeSetup.configure();
        if (!warning.isEmpty()) {
            System.out.println("warning: " + warning);
        }
        BenchData data = BenchData.load(s.dataDir(), s.integer("samples"));
        configureNd4j(s);
        int batch = s.integer("batch");
        int n = data.rows;
        System.out.println("settings " + s);
        System.out.println("data: " + data.source);
        System.out.println(Proc.describe());
        System.out.println(Proc.describeAfterSettings());
        Path dir = Files.createTempDirectory("dltips-bench");
        Path fx = dir.resolve("features.f32");
        Path fy = dir.resolve("labels.u8");
        data.writeRaw(fx, fy);
        Dl4jSide ours = new Dl4jSide(data, s);
        int[] threads = s.torchThreads();
        try (TorchWorker torch = TorchWorker.start(s)) {
            torch.load(fx, fy, n, BenchData.PIXELS);
            System.out.println("pytorch " + torch.version);
            ours.trainKept(batch, 1, n);
            for (int t : threads) {
                torch.train(t, batch, 1, n);
            }
            Rounds rounds = new Rounds(threads);
            long settle = s.integer("settleMs");
            for (int r = 0; r < s.integer("rounds"); r++) {
                settle(settle);
                double[] before = Proc.cpuSeconds();
                double o = ours.trainKept(batch, 1, n)[0];
                double[] after = Proc.cpuSeconds();
                double[] t = new double[threads.length];
                for (int i = 0; i < threads.length; i++) {
                    settle(settle);
                    t[i] = torch.train(threads[i], batch, 1, n)[0];
                    rounds.addTorchCpu(i, torch.lastCpu);
                }
                rounds.add(o, t, after[0] - before[0], after[1] - before[1]);
                System.out.println(rounds.describeLast());
            }
            double flops = LectureNet.epochFlops(n);
            System.out.printf("epoch = %.2f GFLOP (3 products per layer per batch; %.2f GFLOP without the unused "
                    + "input gradient of layer 1)%n", flops / 1e9, LectureNet.epochFlopsNeeded(n) / 1e9);
            System.out.println(rounds.summary(n));
            double oursMedian = rounds.oursMedian();
            double torchBest = rounds.torchBestMedian();
            int bestThreads = rounds.torchBestThreads();
            double peak = Boolean.parseBoolean(s.get("extras"))
                    ? Extras.run(s, ours, torch, n, batch, oursMedian, torchBest, bestThreads, flops)
                    : Extras.peak(s, torch);
            double worst = rounds.medianRatio();
            if (Boolean.parseBoolean(s.get("course"))) {
                worst = Math.max(worst, Course.run(s, data, torch, peak));
            }
            System.out.println("load average at the end " + Proc.loadAverage());
            System.out.printf("peak RSS of this benchmark process: %.0f MiB%n", Proc.peakRssMiB());
            System.out.printf("lecture_ratio_vs_pytorch=%.3f%n", rounds.medianRatio());
            System.out.printf("ratio_vs_pytorch=%.3f%n", worst);
        }
    }

    /**
     * Waits before a timed epoch, so that the threads the other side left spinning (OpenBLAS and OpenMP workers
     * busy-wait for a while after their last task) have gone to sleep and do not share the cores with it.
     */
    private static void settle(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    /** Applies the nd4jThreads and periodicGc options before any training. */
    static void configureNd4j(Settings s) {
        int t = s.integer("nd4jThreads");
        if (t > 0) {
            Nd4j.getEnvironment().setMaxThreads(t);
            Nd4j.getEnvironment().setMaxMasterThreads(t);
            Nd4j.factory().blas().setMaxThreads(t);
        }
        if (s.integer("blasThreads") > 0) {
            Nd4j.factory().blas().setMaxThreads(s.integer("blasThreads"));
        }
        if ("off".equals(s.get("periodicGc"))) {
            Nd4j.getMemoryManager().togglePeriodicGc(false);
        }
    }

    static String fmt(double[] secs) {
        StringBuilder b = new StringBuilder();
        for (double x : secs) {
            b.append(b.length() == 0 ? "" : " ").append(String.format("%.3f", x));
        }
        return b.toString();
    }

    static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
