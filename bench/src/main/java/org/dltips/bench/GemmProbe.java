package org.dltips.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times float32 matrix products through ND4J: a large square product (the machine's practical peak) and the
 * exact products of one training epoch of the lecture network with preallocated outputs (a lower bound for DL4J).
 *
 * <p>{@code double gflops = GemmProbe.peak(2048, 5);}
 */
final class GemmProbe {
    private GemmProbe() {
    }

    /** Best GFLOP/s of {@code size x size} float32 products over {@code repeats} runs. */
    static double peak(int size, int repeats) {
        INDArray a = Nd4j.rand(DataType.FLOAT, size, size);
        INDArray b = Nd4j.rand(DataType.FLOAT, size, size);
        INDArray c = Nd4j.create(DataType.FLOAT, size, size);
        a.mmuli(b, c);
        long best = Long.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            a.mmuli(b, c);
            best = Math.min(best, System.nanoTime() - start);
        }
        return 2.0 * size * size * size / best;
    }

    /** Seconds spent in just the epoch's matrix products: per layer and batch Z=A*W, dW=A'*dZ, dA=dZ*W'. */
    static double epochMatmuls(int batch, int samples) {
        int[] w = LectureNet.WIDTHS;
        int layers = w.length - 1;
        INDArray[] act = new INDArray[w.length];
        INDArray[] grad = new INDArray[w.length];
        INDArray[] weights = new INDArray[layers];
        INDArray[] weightGrads = new INDArray[layers];
        for (int i = 0; i < w.length; i++) {
            act[i] = Nd4j.rand(DataType.FLOAT, batch, w[i]);
            grad[i] = Nd4j.rand(DataType.FLOAT, batch, w[i]);
        }
        for (int l = 0; l < layers; l++) {
            weights[l] = Nd4j.rand(DataType.FLOAT, w[l], w[l + 1]);
            weightGrads[l] = Nd4j.create(DataType.FLOAT, w[l], w[l + 1]);
        }
        long start = System.nanoTime();
        for (int i = 0; i < samples; i += batch) {
            for (int l = 0; l < layers; l++) {
                Nd4j.gemm(act[l], weights[l], act[l + 1], false, false, 1.0, 0.0);
            }
            for (int l = layers - 1; l >= 0; l--) {
                Nd4j.gemm(act[l], grad[l + 1], weightGrads[l], true, false, 1.0, 0.0);
                Nd4j.gemm(grad[l + 1], weights[l], grad[l], false, true, 1.0, 0.0);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
