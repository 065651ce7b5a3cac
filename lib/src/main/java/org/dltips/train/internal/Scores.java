package org.dltips.train.internal;

import org.dltips.data.Dataset;
import org.dltips.model.Loss;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

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

    private static final int CHUNK = 2048;
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
        DenseForward dense = DenseForward.forModel(model, Math.min(n, CHUNK));
        try {
            for (int start = 0; start < n; start += CHUNK) {
                int end = Math.min(n, start + CHUNK);
                INDArray x = features.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
                INDArray y = oneHot.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
                INDArray p = dense != null ? dense.output(x) : model.output(x, false);
                if (loss == Loss.MSE) {
                    double norm = p.sub(y).norm2Number().doubleValue();
                    lossSum += norm * norm / p.columns();
                } else {
                    lossSum -= Transforms.log(Transforms.max(p, CLIP, true), false).muli(y).sumNumber().doubleValue();
                }
                int[] chunk = p.argMax(1).toIntVector();
                for (int i = 0; i < chunk.length; i++) {
                    predictions[start + i] = chunk[i];
                    if (chunk[i] == labels[start + i]) {
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
}
