package org.dltips.train.internal;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * The output layer's activation and loss in {@link DenseStep}: the batch's mean loss, the loss gradient with
 * respect to the pre-activations (averaged over the batch, as DL4J's mini-batch updates use it) and each row's
 * most probable class. Softmax with cross-entropy or with the mean squared error, the lecture's two pairs, is
 * computed in Java on the small output block (one copy in and one out instead of a dozen ND4J ops); every other
 * pair by DL4J's objects.
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
            return new Softmax(false, ((LossMCXENT) loss).getSoftmaxClipEps());
        }
        if (activation instanceof ActivationSoftmax && loss.getClass() == LossMSE.class
                && ((LossMSE) loss).getWeights() == null) {
            return new Softmax(true, 0);
        }
        return new Dl4j(activation, loss);
    }

    /**
     * Softmax with multi-class cross-entropy as DL4J's LossMCXENT computes them, with its probability clipping, or
     * with the mean squared error as LossMSE does (the squared differences summed over the outputs and divided by
     * their number; the gradient through softmax's Jacobian, {@code p * (g - sum(g * p))}).
     */
    private static final class Softmax extends OutputLoss {
        private final boolean squared;
        private final double clip;
        private float[] logits = new float[0];
        private float[] targets = new float[0];
        private double[] p = new double[0];

        Softmax(boolean squared, double clip) {
            this.squared = squared;
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
                if (p.length < columns) {
                    p = new double[columns];
                }
                int best = 0;
                double dot = 0; // squared error: sum over the outputs of dL/dp * p
                for (int c = 0; c < columns; c++) {
                    int at = c * rows + r;
                    p[c] = Math.exp(logits[at] - max) / sum;
                    double target = targets[y.transposed() ? r * y.ld() + c : c * y.ld() + r];
                    if (squared) {
                        double d = p[c] - target;
                        lossSum += d * d / columns;
                        dot += 2 * d / columns * p[c];
                    } else {
                        if (target != 0) {
                            lossSum -= target * Math.log(Math.min(Math.max(p[c], clip), 1 - clip));
                        }
                        logits[at] = (float) ((p[c] - target) / rows);
                    }
                    if (p[c] > p[best]) {
                        best = c;
                    }
                }
                if (squared) {
                    for (int c = 0; c < columns; c++) {
                        int at = c * rows + r;
                        double target = targets[y.transposed() ? r * y.ld() + c : c * y.ld() + r];
                        logits[at] = (float) (p[c] * (2 * (p[c] - target) / columns - dot) / rows);
                    }
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
