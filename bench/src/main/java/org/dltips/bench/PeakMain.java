package org.dltips.bench;

import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Prints ND4J's float32 matrix-product speed with 1 and 2 BLAS threads and which native libraries are loaded;
 * a quick way to compare BLAS builds (bundled OpenBLAS, system OpenBLAS, MKL) without training.
 *
 * <p>{@code java -cp ... org.dltips.bench.PeakMain 2048} (size 0: only show what is loaded)
 */
public final class PeakMain {
    private PeakMain() {
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
        NativeSetup.configure();
        System.out.println(Proc.describe());
        if (size == 0) {
            return;
        }
        for (int t = 1; t <= 2; t++) {
            Nd4j.factory().blas().setMaxThreads(t);
            System.out.printf("nd4j %dx%d float32 product, %d BLAS thread(s): %.1f GFLOP/s%n", size, size, t,
                    GemmProbe.peak(size, 5));
        }
        for (int t = 1; t <= 2; t++) {
            Nd4j.factory().blas().setMaxThreads(t);
            GemmProbe.epochMatmuls(100, 10_000);
            double[] cpu0 = Proc.cpuSeconds();
            double wall = GemmProbe.epochMatmuls(100, 10_000);
            double[] cpu1 = Proc.cpuSeconds();
            System.out.printf("matrix products of one lecture epoch (batch 100), %d BLAS thread(s): %.3f s wall,"
                    + " CPU user %.2f s sys %.2f s -> %.1f GFLOP per CPU-second%n", t, wall, cpu1[0] - cpu0[0],
                    cpu1[1] - cpu0[1], LectureNet.epochFlops(10_000) / 1e9 / (cpu1[0] - cpu0[0] + cpu1[1] - cpu0[1]));
        }
    }
}
