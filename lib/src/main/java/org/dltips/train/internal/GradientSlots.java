package org.dltips.train.internal;

import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Where {@link DenseStep} writes each layer's gradients: views of {@link ParameterUpdate}'s flat gradient, laid out
 * like the network's parameters, when an updater applies them; with plain SGD, which folds the weight updates into
 * the products, only batch normalization's and parametric ReLU's gradients, into arrays of their own that the step
 * applies at once.
 *
 * <p>{@code GradientSlots slots = new GradientSlots(model, stack, update); slots.weights(0);}
 */
final class GradientSlots implements AutoCloseable {

    /** A batch-normalization layer's gradients of gamma and beta, and the steps of its running statistics. */
    record Norm(FloatPointer gamma, FloatPointer beta, FloatPointer mean, FloatPointer spread) {
    }

    private final Blas.Matrix[] weights;
    private final FloatPointer[] biases;
    private final Norm[] norms;
    private final FloatPointer[] slopes;
    private final INDArray[] own; // batch normalization's and PReLU's arrays when there is no flat gradient

    /** The slots of {@code stack}'s layers in {@code update}'s gradient, or of their own when it is null. */
    GradientSlots(MultiLayerNetwork model, LayerStack stack, ParameterUpdate update) {
        int layers = stack.count();
        weights = new Blas.Matrix[layers];
        biases = new FloatPointer[layers];
        norms = new Norm[layers];
        slopes = new FloatPointer[layers];
        own = new INDArray[4 * layers];
        long base = Blas.vector(model.params()).address();
        for (int i = 0; i < layers; i++) {
            LayerStack.Part part = stack.part(i);
            if (part.hasWeights() && update != null) {
                Blas.Matrix w = part.weights();
                INDArray flat = view(update, base, w.pointer(), (long) w.rows() * w.columns());
                weights[i] = Blas.Matrix.require(flat.reshape('f', w.rows(), w.columns()));
                biases[i] = Blas.vector(view(update, base, part.bias(), w.columns()));
            } else if (part.norm() != null) {
                LayerStack.NormParameters p = part.norm();
                FloatPointer[] at = new FloatPointer[4];
                INDArray[] params = {p.gamma(), p.beta(), p.mean(), p.spread()};
                for (int k = 0; k < 4; k++) {
                    if (update != null) {
                        at[k] = Blas.vector(view(update, base, Blas.vector(params[k]), p.units()));
                    } else {
                        own[4 * i + k] = Nd4j.create(DataType.FLOAT, p.units());
                        at[k] = Blas.vector(own[4 * i + k]);
                    }
                }
                norms[i] = new Norm(at[0], at[1], at[2], at[3]);
            } else if (part.slopes() != null) {
                if (update != null) {
                    slopes[i] = Blas.vector(view(update, base, Blas.vector(part.slopes()), part.units()));
                } else {
                    own[4 * i] = Nd4j.create(DataType.FLOAT, part.units());
                    slopes[i] = Blas.vector(own[4 * i]);
                }
            }
        }
    }

    /** The part of the flat gradient that belongs to the parameters at {@code at} ({@code size} of them). */
    private static INDArray view(ParameterUpdate update, long base, FloatPointer at, long size) {
        long from = (at.address() - base) / Float.BYTES;
        return update.gradient().get(NDArrayIndex.interval(from, from + size));
    }

    /** Layer {@code i}'s weight gradient (inputs x units, column-major); null with plain SGD. */
    Blas.Matrix weights(int i) {
        return weights[i];
    }

    /** Layer {@code i}'s bias gradient; null with plain SGD. */
    FloatPointer bias(int i) {
        return biases[i];
    }

    /** Parametric ReLU layer {@code i}'s slope gradient. */
    FloatPointer slopes(int i) {
        return slopes[i];
    }

    /** Batch-normalization layer {@code i}'s slots. */
    Norm norm(int i) {
        return norms[i];
    }

    /** Frees the arrays of their own (they live outside the heap). */
    @Override
    public void close() {
        for (INDArray a : own) {
            if (a != null) {
                a.close();
            }
        }
    }
}
