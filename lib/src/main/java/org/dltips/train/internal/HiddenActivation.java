package org.dltips.train.internal;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarReverseSubtraction;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The non-linearity of a hidden layer in {@link DenseStep}: ReLU and sigmoid, the lecture's two, in a few
 * plain element-wise ND4J ops each (DL4J's own ReLU gradient goes through a per-element callback, ten times
 * slower), the identity without any; any other activation through its DL4J object.
 *
 * <p>{@code HiddenActivation f = HiddenActivation.of(conf.getActivationFn()); f.forward(pre, out);}
 */
abstract class HiddenActivation {

    /** Writes the activation of {@code pre} into {@code out} (both the same shape). */
    abstract void forward(INDArray pre, INDArray out);

    /**
     * The gradient with respect to {@code pre}, given the gradient {@code epsilon} with respect to {@code out};
     * overwrites {@code pre} and {@code epsilon} (neither is needed afterwards) and may return either of them.
     */
    abstract INDArray backward(INDArray pre, INDArray out, INDArray epsilon);

    /**
     * Whether each output element depends on the same element of the input alone, and {@link #backward} returns
     * one of the arrays it is given, so the pass may run on parts of the arrays ({@link ColumnHalves}).
     */
    boolean elementWise() {
        return this instanceof Relu || this instanceof Logistic;
    }

    /** {@link #forward}, in two halves at once where {@link ColumnHalves} may split the arrays. */
    final void forwardInHalves(INDArray pre, INDArray out) {
        if (elementWise()) {
            ColumnHalves.apply(h -> {
                forward(h[0], h[1]);
                return null;
            }, pre, out);
        } else {
            forward(pre, out);
        }
    }

    /** {@link #backward}, in two halves at once where {@link ColumnHalves} may split the arrays. */
    final INDArray backwardInHalves(INDArray pre, INDArray out, INDArray epsilon) {
        return elementWise() ? ColumnHalves.apply(h -> backward(h[0], h[1], h[2]), pre, out, epsilon)
                : backward(pre, out, epsilon);
    }

    /** Whether this is the identity, which leaves its input as it is. */
    boolean isIdentity() {
        return this instanceof Identity;
    }

    /** How the derivative follows from the activation's output alone, for a pass that fuses it; NONE if it does not. */
    FromOutput fromOutput() {
        return FromOutput.NONE;
    }

    /**
     * Derivatives that the activation's output gives without the pre-activation, cheaply enough for a Java loop to
     * apply: sigmoid's, {@code (1 - s) * s}. (ReLU's, 1 where the output is above 0, is a branch that the processor
     * mispredicts for half the units: a Java loop over 100 x 689 values took ten times ND4J's two ops.)
     */
    enum FromOutput {
        NONE,
        SIGMOID
    }

    static HiddenActivation of(IActivation activation) {
        if (activation instanceof ActivationReLU relu && isZero(relu.getThreshold())
                && isZero(relu.getNegativeSlope()) && relu.getMax() == null) {
            return new Relu();
        }
        if (activation instanceof ActivationSigmoid) {
            return new Logistic();
        }
        if (activation instanceof ActivationIdentity) {
            return new Identity();
        }
        return new Dl4j(activation);
    }

    private static boolean isZero(Double value) {
        return value == null || value == 0.0;
    }

    /** max(x, 0); its gradient passes where x > 0, as DL4J's. */
    private static final class Relu extends HiddenActivation {
        @Override
        void forward(INDArray pre, INDArray out) {
            Nd4j.exec(new RectifiedLinear(pre, out, 0.0));
        }

        @Override
        INDArray backward(INDArray pre, INDArray out, INDArray epsilon) {
            Nd4j.exec(new Step(pre, pre, 0.0));
            return epsilon.muli(pre);
        }
    }

    /**
     * 1 / (1 + e^-x), in a Java loop where C2 compiles it ({@link SigmoidLoop}); its derivative from the output,
     * s(1 - s).
     */
    private static final class Logistic extends HiddenActivation {
        @Override
        void forward(INDArray pre, INDArray out) {
            if (SigmoidLoop.applies(pre, out)) {
                SigmoidLoop.forward(pre, out);
            } else {
                Nd4j.exec(new Sigmoid(pre, out));
            }
        }

        @Override
        INDArray backward(INDArray pre, INDArray out, INDArray epsilon) {
            if (SigmoidLoop.applies(out, epsilon)) {
                SigmoidLoop.backward(out, epsilon);
                return epsilon;
            }
            Nd4j.exec(new ScalarReverseSubtraction(out, pre, 1.0));
            return epsilon.muli(pre.muli(out));
        }

        @Override
        FromOutput fromOutput() {
            return FromOutput.SIGMOID;
        }
    }

    /** x itself, as a dense layer before batch normalization has it; its buffers may be one array. */
    private static final class Identity extends HiddenActivation {
        @Override
        void forward(INDArray pre, INDArray out) {
            if (out != pre) {
                out.assign(pre);
            }
        }

        @Override
        INDArray backward(INDArray pre, INDArray out, INDArray epsilon) {
            return epsilon;
        }
    }

    /** Any other activation, computed by DL4J's own object. */
    private static final class Dl4j extends HiddenActivation {
        private final IActivation activation;

        Dl4j(IActivation activation) {
            this.activation = activation;
        }

        @Override
        void forward(INDArray pre, INDArray out) {
            activation.getActivation(out.assign(pre), true);
        }

        @Override
        INDArray backward(INDArray pre, INDArray out, INDArray epsilon) {
            return activation.backprop(pre, epsilon).getFirst();
        }
    }
}
