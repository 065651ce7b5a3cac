package org.dltips.train.internal;

import org.dltips.data.Dataset;
import org.dltips.model.Loss;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Loss, accuracy and predictions of a network on a whole set, in inference mode (dropout off), computed
 * chunk by chunk so that large sets fit in memory; dense networks through {@link DenseForward}.
 *
 * <p>{@code Scores s = Scores.of(model, Loss.MSE, x, y, labels); s.accuracy();}
 *
 * @param loss mean loss per example, as DL4J defines it (MSE averaged over outputs; cross-entropy summed
 *             over classes), without regularization terms
 * @param accuracy share of examples whose most probable class is the label
 * @param predictions most probable class of every example
 */
public record Scores(double loss, double accuracy, int[] predictions) {

    private static final int CHUNK = DenseForward.CHUNK;
    private static final double CLIP = 1e-10;

    /**
     * Scores a data set against its {@link Dataset#targets()}; the accuracy of a {@linkplain Dataset#isMixed()
     * mixed} set is NaN, since a mix of two labels has no single right answer.
     */
    public static Scores of(MultiLayerNetwork model, Loss loss, Dataset data) {
        Scores scores = of(model, loss, data.features(), data.targets(), data.labels());
        return data.isMixed() ? new Scores(scores.loss(), Double.NaN, scores.predictions()) : scores;
    }

    /** Scores {@code features} against {@code oneHot} targets and their integer {@code labels}. */
    public static Scores of(MultiLayerNetwork model, Loss loss, INDArray features, INDArray oneHot, int[] labels) {
        int n = labels.length;
        int[] predictions = new int[n];
        double lossSum = 0;
        long correct = 0;
        float[] outputs = new float[0];
        float[] targets = new float[0];
        DenseForward dense = DenseForward.forModel(model, Math.min(n, CHUNK));
        try {
            for (int start = 0; start < n; start += CHUNK) {
                int end = Math.min(n, start + CHUNK);
                INDArray x = features.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
                INDArray p = dense != null ? dense.output(x) : model.output(x, false);
                Blas.Matrix out = columnMajor(p);
                outputs = out.read(outputs);
                INDArray y = oneHot.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()).dup('f');
                Blas.Matrix target = Blas.Matrix.require(y);
                targets = target.read(targets);
                y.close();
                lossSum += lossSum(loss, outputs, out.ld(), targets, target.ld(), end - start, out.columns());
                for (int r = 0; r < end - start; r++) {
                    int best = mostProbable(outputs, out.ld(), r, out.columns());
                    predictions[start + r] = best;
                    if (best == labels[start + r]) {
                        correct++;
                    }
                }
            }
        } finally {
            if (dense != null) {
                dense.close();
            }
        }
        return new Scores(lossSum / n, (double) correct / n, predictions);
    }

    /** {@code p} as a column-major BLAS matrix: itself when it is one, else a copy. */
    private static Blas.Matrix columnMajor(INDArray p) {
        Blas.Matrix m = Blas.Matrix.of(p);
        return m != null && !m.transposed() ? m : Blas.Matrix.require(p.dup('f'));
    }

    /** The summed loss of {@code rows} rows, as DL4J defines it: MSE averaged over outputs, cross-entropy summed. */
    private static double lossSum(Loss loss, float[] p, int ldp, float[] y, int ldy, int rows, int columns) {
        double sum = 0;
        for (int c = 0; c < columns; c++) {
            for (int r = 0; r < rows; r++) {
                double out = p[c * ldp + r];
                double target = y[c * ldy + r];
                sum += loss == Loss.MSE ? (out - target) * (out - target) : -target * Math.log(Math.max(out, CLIP));
            }
        }
        return loss == Loss.MSE ? sum / columns : sum;
    }

    /** The column of row {@code r}'s largest output, the first of equals (as ND4J's argMax). */
    private static int mostProbable(float[] p, int ld, int r, int columns) {
        int best = 0;
        for (int c = 1; c < columns; c++) {
            if (p[c * ld + r] > p[best * ld + r]) {
                best = c;
            }
        }
        return best;
    }
}
