package org.dltips.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains the lecture network with DL4J and with PyTorch on the same data, alternating, and prints seconds per
 * epoch, the ratio ours/PyTorch and both sides' share of the machine's measured float32 matrix-product peak.
 * The last line is {@code ratio_vs_pytorch=<number>}. Command: see bench/README.md.
 *
 * <p>{@code java -cp ... org.dltips.bench.Bench rounds=3 workspace=ENABLED}
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Settings s = Settings.parse(args);
        BenchData data = BenchData.load(s.dataDir(), s.integer("samples"));
        configureNd4j(s);
        int batch = s.integer("batch");
        int n = data.rows;
        System.out.println("settings " + s);
        System.out.println("data: " + data.source);
        System.out.println(Proc.describe());
        Path dir = Files.createTempDirectory("dltips-bench");
        Path fx = dir.resolve("features.f32");
        Path fy = dir.resolve("labels.u8");
        data.writeRaw(fx, fy);
        Dl4jSide ours = new Dl4jSide(data, s);
        int[] threads = s.torchThreads();
        try (TorchWorker torch = TorchWorker.start(s)) {
            torch.load(fx, fy, n, BenchData.PIXELS);
            System.out.println("pytorch " + torch.version);
            ours.train(batch, 1, n);
            for (int t : threads) {
                torch.train(t, batch, 1, n);
            }
            List<Double> oursSecs = new ArrayList<>();
            List<List<Double>> torchSecs = new ArrayList<>();
            Arrays.stream(threads).forEach(t -> torchSecs.add(new ArrayList<>()));
            double[] cpu = {0, 0};
            for (int r = 0; r < s.integer("rounds"); r++) {
                double[] before = Proc.cpuSeconds();
                double[] o = ours.train(batch, 2, n);
                double[] after = Proc.cpuSeconds();
                cpu[0] += after[0] - before[0];
                cpu[1] += after[1] - before[1];
                StringBuilder line = new StringBuilder(String.format("round %d: dl4j %s", r + 1, fmt(o)));
                Arrays.stream(o).forEach(oursSecs::add);
                for (int i = 0; i < threads.length; i++) {
                    double[] t = torch.train(threads[i], batch, 2, n);
                    Arrays.stream(t).forEach(torchSecs.get(i)::add);
                    line.append(String.format(" | torch(%d thr) %s", threads[i], fmt(t)));
                }
                System.out.println(line);
            }
            double oursMedian = median(oursSecs);
            double torchBest = Double.MAX_VALUE;
            int bestThreads = 0;
            double flops = LectureNet.epochFlops(n);
            System.out.printf("epoch = %.2f GFLOP (3 products per layer per batch; %.2f GFLOP without the unused "
                    + "input gradient of layer 1)%n", flops / 1e9, LectureNet.epochFlopsNeeded(n) / 1e9);
            System.out.printf("dl4j: %.3f s/epoch (median of %d), %.0f samples/s; CPU per epoch user %.2f s, sys %.2f s%n",
                    oursMedian, oursSecs.size(), n / oursMedian, cpu[0] / oursSecs.size(), cpu[1] / oursSecs.size());
            for (int i = 0; i < threads.length; i++) {
                double m = median(torchSecs.get(i));
                System.out.printf("pytorch %d thread(s): %.3f s/epoch (median of %d), %.0f samples/s%n",
                        threads[i], m, torchSecs.get(i).size(), n / m);
                if (m < torchBest) {
                    torchBest = m;
                    bestThreads = threads[i];
                }
            }
            if (Boolean.parseBoolean(s.get("extras"))) {
                Extras.run(s, ours, torch, n, batch, oursMedian, torchBest, bestThreads, flops);
            }
            System.out.printf("peak RSS of this benchmark process: %.0f MiB%n", Proc.peakRssMiB());
            System.out.printf("ratio_vs_pytorch=%.3f%n", oursMedian / torchBest);
        }
    }

    /** Applies the nd4jThreads and periodicGc options before any training. */
    static void configureNd4j(Settings s) {
        int t = s.integer("nd4jThreads");
        if (t > 0) {
            Nd4j.getEnvironment().setMaxThreads(t);
            Nd4j.getEnvironment().setMaxMasterThreads(t);
            Nd4j.factory().blas().setMaxThreads(t);
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
