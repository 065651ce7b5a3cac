package org.dltips.bench;

import java.io.IOException;
import java.util.Arrays;

/**
 * The benchmark's secondary measurements: matrix-product peak on both sides, each side's share of it, the
 * matmul-only lower bound of an epoch in ND4J, forward-only time, and batch 10 000 / batch 1 throughput.
 *
 * <p>{@code Extras.run(settings, ours, torch, 10_000, 100, 2.9, 1.1, 1, 89.8e9);}
 */
final class Extras {
    private static final int PEAK_SIZE = 2048;
    private static final int BATCH_ONE_SAMPLES = 2000;
    /**
     * SGD rate of the batch-1 runs: one image at a time at the lecture's 0.1 diverges on some rounding paths
     * (which side of zero a pre-activation of 1e-6 falls decides it), and the speed does not depend on the rate.
     */
    private static final double BATCH_ONE_RATE = 0.01;

    private Extras() {
    }

    /** Prints the secondary measurements; returns the machine's measured product peak in GFLOP/s. */
    static double run(Settings s, Dl4jSide ours, TorchWorker torch, int n, int batch, double oursSec, double torchSec,
            int torchThreads, double flops) throws IOException {
        double nd4jPeak = GemmProbe.peak(PEAK_SIZE, 5);
        double peak = nd4jPeak;
        System.out.printf("peak float32 %dx%d product: nd4j (current threads) %.1f GFLOP/s", PEAK_SIZE, PEAK_SIZE, nd4jPeak);
        for (int t : s.torchThreads()) {
            double p = torch.peak(t, PEAK_SIZE, 5);
            peak = Math.max(peak, p);
            System.out.printf(", torch.mm %d thr %.1f GFLOP/s", t, p);
        }
        System.out.printf("%nmachine peak (best of the above) %.1f GFLOP/s -> limit %.3f s/epoch%n", peak, flops / peak / 1e9);
        System.out.printf("share of peak: ours %.1f%%, pytorch (%d thr) %.1f%%%n",
                100 * flops / oursSec / 1e9 / peak, torchThreads, 100 * flops / torchSec / 1e9 / peak);
        GemmProbe.epochMatmuls(batch, n);
        double gemm = GemmProbe.epochMatmuls(batch, n);
        double fwd = ours.forwardEpoch(batch, n);
        System.out.printf("ours breakdown: matrix products alone %.3f s/epoch (%.1f%% of peak), forward-only epoch"
                + " %.3f s, rest of training step %.3f s%n", gemm, 100 * flops / gemm / 1e9 / peak, fwd, oursSec - gemm);
        int big = n;
        double oursBig = min(ours.train(big, 3, n));
        double torchBig = min(torch.train(torchThreads, big, 3, n));
        System.out.printf("batch %d: ours %.0f samples/s, pytorch %.0f samples/s (ratio %.2f)%n",
                big, n / oursBig, n / torchBig, oursBig / torchBig);
        int m = Math.min(n, BATCH_ONE_SAMPLES);
        double oursOne = min(ours.train(1, 1, m, BATCH_ONE_RATE));
        double torchOne = min(torch.train(torchThreads, 1, 1, m, BATCH_ONE_RATE));
        System.out.printf("batch 1 (%d samples, rate %.2f): ours %.0f samples/s, pytorch %.0f samples/s (ratio %.2f)%n",
                m, BATCH_ONE_RATE, m / oursOne, m / torchOne, oursOne / torchOne);
        return peak;
    }

    /** The machine's float32 product peak in GFLOP/s: the best of ND4J's and PyTorch's at every thread count. */
    static double peak(Settings s, TorchWorker torch) throws IOException {
        double peak = GemmProbe.peak(PEAK_SIZE, 5);
        for (int t : s.torchThreads()) {
            peak = Math.max(peak, torch.peak(t, PEAK_SIZE, 5));
        }
        return peak;
    }

    private static double min(double[] xs) {
        return Arrays.stream(xs).min().orElseThrow();
    }
}
