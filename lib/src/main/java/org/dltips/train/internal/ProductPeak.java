package org.dltips.train.internal;

import java.util.List;
import java.util.Locale;
import org.dltips.model.internal.NativeTuning;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The machine's float32 matrix-product speed as the training step reaches it (BLAS called directly),
 * and from it the lecture epoch's limit: the seconds its matrix products would take at that speed, the unit
 * the notebook test states its time bars in. Run it with the kernel's environment (OpenMP and OpenBLAS
 * settings), as the kernelspec starts the kernel.
 *
 * <p>{@code java -cp dltips-kernel.jar org.dltips.train.internal.ProductPeak} prints
 * {@code peak_gflops=466.2} and {@code lecture_epoch_limit_seconds=0.1926}.
 */
public final class ProductPeak {

    /** One epoch of the lecture network: 3 products per layer and image, 2 operations per multiply-add. */
    public static final double LECTURE_EPOCH_FLOPS = 3 * 2 * (784.0 * 689 + 2 * 689.0 * 689 + 689.0 * 10) * 10_000;

    private ProductPeak() {
    }

    /** The best GFLOP/s of {@code repeats} products of two {@code size x size} float matrices, after one warm-up. */
    public static double gflops(int size, int repeats) {
        if (!Blas.available()) {
            throw new IllegalStateException("no BLAS library to measure: ND4J's backend is not the CPU one");
        }
        NativeTuning.applyOnce();
        try (INDArray a = Nd4j.rand(DataType.FLOAT, size, size).dup('f');
             INDArray b = Nd4j.rand(DataType.FLOAT, size, size).dup('f');
             INDArray c = Nd4j.create(DataType.FLOAT, new long[] {size, size}, 'f')) {
            Blas.Matrix ma = Blas.Matrix.require(a);
            Blas.Matrix mb = Blas.Matrix.require(b);
            Blas.Matrix mc = Blas.Matrix.require(c);
            Blas.gemm(ma, false, mb, false, mc, 1, 0);
            long best = Long.MAX_VALUE;
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                Blas.gemm(ma, false, mb, false, mc, 1, 0);
                best = Math.min(best, System.nanoTime() - start);
            }
            return 2.0 * size * size * size / best;
        }
    }

    /**
     * Prints the machine's peak, the best of one BLAS thread and one per core (whichever the kernel was given),
     * and the lecture epoch's limit as {@code KEY=VALUE} lines.
     */
    public static void main(String[] args) {
        NativeTuning.applyOnce(); // first, so it does not undo the thread counts set below
        double peak = 0;
        for (int threads : new java.util.TreeSet<>(List.of(1, Runtime.getRuntime().availableProcessors()))) {
            Nd4j.factory().blas().setMaxThreads(threads);
            double gflops = gflops(2048, 7);
            System.out.printf(Locale.ROOT, "peak_gflops_%d_threads=%.1f%n", threads, gflops);
            peak = Math.max(peak, gflops);
        }
        System.out.printf(Locale.ROOT, "peak_gflops=%.1f%nlecture_epoch_limit_seconds=%.4f%n", peak,
                LECTURE_EPOCH_FLOPS / peak / 1e9);
    }
}
