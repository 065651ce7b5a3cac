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
 * first, as the training step calls them) with each of several BLAS thread counts and in halves on two threads
 * ({@link Blas#computeInHalves}), alternating between them
 * so a busy moment of a shared machine hits every count alike. The installer runs it once per OpenBLAS kernel
 * family ({@code OPENBLAS_CORETYPE}, read when the library loads, so one process each) to choose the settings
 * a kernel gets.
 *
 * <p>{@code java -cp dltips-kernel.jar org.dltips.train.internal.BlasProbe 1 2 halves} prints lines such
 * as {@code setting=2 batch_ms=4.18}.
 */
public final class BlasProbe {

    private static final int[] SIZES = {784, 689, 689, 689, 10};
    private static final int BATCH = 100;
    /** Batches in one timed block, and blocks per thread count: a block is about 0.1 s on a fast 2-core machine. */
    private static final int BLOCK = 16;
    private static final int BLOCKS = 5;

    private BlasProbe() {
    }

    /** The setting that computes each product in two halves on two threads, one BLAS thread each. */
    public static final String HALVES = "halves";

    /**
     * The best milliseconds of one batch's products for each setting, in the order given: a BLAS thread count
     * ("1", "2", ...) or {@link #HALVES}.
     */
    public static Map<String, Double> batchMillis(List<String> settings) {
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
            Map<String, Double> best = new LinkedHashMap<>();
            for (String setting : settings) {
                use(setting);
                block(layers, 4); // warm-up: thread pools, caches
                best.put(setting, Double.MAX_VALUE);
            }
            for (int round = 0; round < BLOCKS; round++) {
                for (String setting : settings) {
                    use(setting);
                    long start = System.nanoTime();
                    block(layers, BLOCK);
                    double millis = (System.nanoTime() - start) / 1e6 / BLOCK;
                    best.put(setting, Math.min(best.get(setting), millis));
                }
            }
            return best;
        } finally {
            Blas.computeInHalves(false);
            arrays.forEach(INDArray::close);
        }
    }

    private static void use(String setting) {
        boolean halves = setting.equals(HALVES);
        Blas.computeInHalves(halves);
        Nd4j.factory().blas().setMaxThreads(halves ? 1 : Integer.parseInt(setting));
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

    /**
     * Prints {@code setting=S batch_ms=M} for each setting given as an argument (default: 1 thread, one per core
     * and, on two or more cores, halves).
     */
    public static void main(String[] args) {
        List<String> settings = new ArrayList<>(List.of(args));
        if (settings.isEmpty()) {
            settings.add("1");
            int cores = Runtime.getRuntime().availableProcessors();
            if (cores > 1) {
                settings.add(Integer.toString(cores));
                settings.add(HALVES);
            }
        }
        batchMillis(settings).forEach((setting, millis) ->
                System.out.printf(Locale.ROOT, "setting=%s batch_ms=%.3f%n", setting, millis));
    }
}
