package org.dltips.train.internal;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * The output layer's activation and loss in {@link DenseStep}: the batch's mean loss, the loss gradient with
 * respect to the pre-activations (averaged over the batch, as DL4J's mini-batch updates use it) and each row's
 * most probable class. Softmax with cross-entropy, the lecture's usual pair, is computed in Java on the small
 * output block (one copy in and one out instead of a dozen ND4J ops); every other pair by DL4J's objects.
 *
 * <p>{@code double loss = OutputLoss.of(activation, lossFunction).apply(pre, targets, out, delta, scratch, classes);}
 */
abstract class OutputLoss {

    /**
     * Computes the batch from its column-major pre-activations: fills the column-major {@code delta} and
     * {@code classes} (one per row) and returns the mean loss. {@code out} and {@code scratch} are work space of
     * the same shape as {@code pre}.
     */
    abstract double apply(INDArray pre, INDArray targets, INDArray out, INDArray delta, INDArray scratch,
                          int[] classes);

    static OutputLoss of(IActivation activation, ILossFunction loss) {
        if (activation instanceof ActivationSoftmax && loss.getClass() == LossMCXENT.class
                && ((LossMCXENT) loss).getWeights() == null) {
            return new SoftmaxCrossEntropy(((LossMCXENT) loss).getSoftmaxClipEps());
        }
        return new Dl4j(activation, loss);
    }

    /** Softmax and multi-class cross-entropy as DL4J's LossMCXENT computes them, with its probability clipping. */
    private static final class SoftmaxCrossEntropy extends OutputLoss {
        private final double clip;
        private float[] logits = new float[0];
        private float[] targets = new float[0];

        SoftmaxCrossEntropy(double clip) {
            this.clip = clip;
        }

        @Override
        double apply(INDArray pre, INDArray targetArray, INDArray out, INDArray delta, INDArray scratch,
                     int[] classes) {
            Blas.Matrix z = Blas.Matrix.require(pre);
            int rows = z.rows();
            int columns = z.columns();
            if (logits.length != rows * columns) {
                logits = new float[rows * columns];
            }
            z.pointer().get(logits, 0, logits.length);
            INDArray readable = Blas.readable(targetArray);
            Blas.Matrix y = Blas.Matrix.of(readable);
            int span = y.transposed() ? (rows - 1) * y.ld() + columns : (columns - 1) * y.ld() + rows;
            if (targets.length < span) {
                targets = new float[span];
            }
            y.pointer().get(targets, 0, span);
            if (readable != targetArray) {
                readable.close();
            }
            double lossSum = 0;
            for (int r = 0; r < rows; r++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < columns; c++) {
                    max = Math.max(max, logits[c * rows + r]);
                }
                double sum = 0;
                for (int c = 0; c < columns; c++) {
                    sum += Math.exp(logits[c * rows + r] - max);
                }
                int best = 0;
                double bestP = -1;
                for (int c = 0; c < columns; c++) {
                    int at = c * rows + r;
                    double p = Math.exp(logits[at] - max) / sum;
                    double target = targets[y.transposed() ? r * y.ld() + c : c * y.ld() + r];
                    if (target != 0) {
                        lossSum -= target * Math.log(Math.min(Math.max(p, clip), 1 - clip));
                    }
                    if (p > bestP) {
                        bestP = p;
                        best = c;
                    }
                    logits[at] = (float) ((p - target) / rows);
                }
                classes[r] = best;
            }
            Blas.Matrix.require(delta).pointer().put(logits, 0, logits.length);
            return lossSum / rows;
        }
    }

    /** Any other pair, through DL4J's activation and loss objects. */
    private static final class Dl4j extends OutputLoss {
        private final IActivation activation;
        private final ILossFunction loss;

        Dl4j(IActivation activation, ILossFunction loss) {
            this.activation = activation;
            this.loss = loss;
        }

        @Override
        double apply(INDArray pre, INDArray targets, INDArray out, INDArray delta, INDArray scratch, int[] classes) {
            activation.getActivation(out.assign(pre), true);
            INDArray best = out.argMax(1);
            int[] found = best.toIntVector();
            System.arraycopy(found, 0, classes, 0, found.length);
            best.close();
            double score = loss.computeScore(targets, scratch.assign(pre), activation, null, true);
            INDArray gradient = loss.computeGradient(targets, scratch.assign(pre), activation, null);
            delta.assign(gradient).divi(pre.rows());
            if (gradient.data().address() != scratch.data().address()) {
                gradient.close(); // a fresh array; some losses hand back the scratch buffer itself
            }
            return score;
        }
    }
}
