package org.dltips.train.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times the matrix products of one training batch of the lecture network (784-689-689-689-10, batch 100: the
 * forward product, the weight gradient folded into the weights and the input gradient of every layer but the
 * first, as the training step calls them) with each of several BLAS thread counts, alternating between them
 * so a busy moment of a shared machine hits every count alike. The installer runs it once per OpenBLAS kernel
 * family ({@code OPENBLAS_CORETYPE}, read when the library loads, so one process each) to choose the settings
 * a kernel gets.
 *
 * <p>{@code java -cp dltips-kernel.jar org.dltips.train.internal.BlasProbe 1 2} prints lines such as
 * {@code threads=2 batch_ms=4.18}.
 */
public final class BlasProbe {

    private static final int[] SIZES = {784, 689, 689, 689, 10};
    private static final int BATCH = 100;
    /** Batches in one timed block, and blocks per thread count: a block is about 0.1 s on a fast 2-core machine. */
    private static final int BLOCK = 16;
    private static final int BLOCKS = 5;

    private BlasProbe() {
    }

    /** The best milliseconds of one batch's products for each thread count, in the order given. */
    public static Map<Integer, Double> batchMillis(List<Integer> threadCounts) {
        if (!Blas.available()) {
            throw new IllegalStateException("no BLAS library to measure: ND4J's backend is not the CPU one");
        }
        List<INDArray> arrays = new ArrayList<>();
        try {
            Layer[] layers = new Layer[SIZES.length - 1];
            for (int l = 0; l < layers.length; l++) {
                layers[l] = new Layer(matrix(arrays, BATCH, SIZES[l]), matrix(arrays, SIZES[l], SIZES[l + 1]),
                        matrix(arrays, BATCH, SIZES[l + 1]), l == 0 ? null : matrix(arrays, BATCH, SIZES[l]));
            }
            Map<Integer, Double> best = new LinkedHashMap<>();
            for (int threads : threadCounts) {
                Nd4j.factory().blas().setMaxThreads(threads);
                block(layers, 4); // warm-up: thread pools, caches
                best.put(threads, Double.MAX_VALUE);
            }
            for (int round = 0; round < BLOCKS; round++) {
                for (int threads : threadCounts) {
                    Nd4j.factory().blas().setMaxThreads(threads);
                    long start = System.nanoTime();
                    block(layers, BLOCK);
                    double millis = (System.nanoTime() - start) / 1e6 / BLOCK;
                    best.put(threads, Math.min(best.get(threads), millis));
                }
            }
            return best;
        } finally {
            arrays.forEach(INDArray::close);
        }
    }

    private record Layer(Blas.Matrix input, Blas.Matrix weights, Blas.Matrix delta, Blas.Matrix inputGradient) {
    }

    private static Blas.Matrix matrix(List<INDArray> arrays, int rows, int columns) {
        INDArray a = Nd4j.rand(DataType.FLOAT, rows, columns).subi(0.5).dup('f');
        arrays.add(a);
        return Blas.Matrix.require(a);
    }

    private static void block(Layer[] layers, int batches) {
        for (int b = 0; b < batches; b++) {
            for (Layer layer : layers) {
                Blas.gemm(layer.input, false, layer.weights, false, layer.delta, 1, 0);
            }
            for (int l = layers.length - 1; l >= 0; l--) {
                Layer layer = layers[l];
                if (layer.inputGradient != null) {
                    Blas.gemm(layer.delta, false, layer.weights, true, layer.inputGradient, 1, 0);
                }
                // a tiny rate keeps the weights where they are while the product is the training step's own
                Blas.gemm(layer.input, true, layer.delta, false, layer.weights, -1e-9, 1);
            }
        }
    }

    /** Prints {@code threads=N batch_ms=M} for each thread count given as an argument (default: 1 and all cores). */
    public static void main(String[] args) {
        List<Integer> counts = new ArrayList<>();
        for (String arg : args) {
            counts.add(Integer.parseInt(arg));
        }
        if (counts.isEmpty()) {
            counts.add(1);
            int cores = Runtime.getRuntime().availableProcessors();
            if (cores > 1) {
                counts.add(cores);
            }
        }
        batchMillis(counts).forEach((threads, millis) ->
                System.out.printf(Locale.ROOT, "threads=%d batch_ms=%.3f%n", threads, millis));
    }
}
