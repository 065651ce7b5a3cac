package org.dltips.bench;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times float32 matrix products through ND4J: a large square product (the machine's practical peak) and the
 * exact products of one training epoch of the lecture network with preallocated outputs (a lower bound for ours).
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

    /**
     * Seconds spent in just the epoch's matrix products, called straight in BLAS as the library's training step
     * calls them (column-major buffers): per layer and batch Z=A*W, dA=dZ*W' (not for the first layer) and
     * W -= r*A'*dZ. The data are random: speed does not depend on the values.
     */
    static double epochMatmuls(int batch, int samples) {
        int[] w = LectureNet.WIDTHS;
        int layers = w.length - 1;
        INDArray[] act = new INDArray[w.length];
        INDArray[] grad = new INDArray[w.length];
        INDArray[] weights = new INDArray[layers];
        for (int i = 0; i < w.length; i++) {
            act[i] = Nd4j.rand(DataType.FLOAT, 'f', batch, w[i]);
            grad[i] = Nd4j.rand(DataType.FLOAT, 'f', batch, w[i]);
        }
        for (int l = 0; l < layers; l++) {
            weights[l] = Nd4j.rand(DataType.FLOAT, 'f', w[l], w[l + 1]);
        }
        long start = System.nanoTime();
        for (int i = 0; i < samples; i += batch) {
            for (int l = 0; l < layers; l++) {
                product(act[l], false, weights[l], false, act[l + 1], 0);
            }
            for (int l = layers - 1; l >= 0; l--) {
                if (l > 0) {
                    product(grad[l + 1], false, weights[l], true, grad[l], 0);
                }
                product(act[l], true, grad[l + 1], false, weights[l], 1);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** c = op(a) * op(b) + beta * c on column-major float arrays (a tiny step -1e-9 when beta is 1). */
    private static void product(INDArray a, boolean ta, INDArray b, boolean tb, INDArray c, float beta) {
        int m = (int) c.rows();
        int n = (int) c.columns();
        int k = (int) (ta ? a.rows() : a.columns());
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasColMajor,
                ta ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                tb ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans, m, n, k, beta == 0 ? 1f : -1e-9f,
                (FloatPointer) a.data().addressPointer(), (int) a.rows(), (FloatPointer) b.data().addressPointer(),
                (int) b.rows(), beta, (FloatPointer) c.data().addressPointer(), m);
    }
}
