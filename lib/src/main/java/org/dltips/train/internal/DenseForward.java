package org.dltips.train.internal;

import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The inference pass of a stack of dense layers (what {@code model.output(x, false)} computes) through the BLAS
 * calls of {@link DenseStep}, with buffers kept from chunk to chunk: evaluating the training and test sets
 * after every epoch took as long as the epoch's training. Weights are read where the network keeps them, so
 * one instance follows training as it goes.
 *
 * <p>{@code try (DenseForward f = DenseForward.forModel(model, 2048)) { INDArray p = f.output(x); }}
 *
 * <p>Networks of dense hidden layers (with biases, without layer normalization) and an output layer, with
 * float weights, get one whatever their optimizer, dropout or regularization (none of which act at inference);
 * {@link #forModel} returns null for any other network.
 */
public final class DenseForward implements AutoCloseable {

    private final DenseLayers dense;
    private final int layers;
    private final HiddenActivation[] activations;
    private final IActivation outputActivation;
    private final int capacity;
    private final INDArray[] buffers;
    private final INDArray onesArray;
    private final FloatPointer ones;

    private DenseForward(DenseLayers dense, int capacity) {
        this.dense = dense;
        this.layers = dense.count();
        this.activations = new HiddenActivation[layers];
        this.buffers = new INDArray[layers];
        for (int i = 0; i < layers; i++) {
            activations[i] = HiddenActivation.of(dense.confs().get(i).getActivationFn());
            buffers[i] = Nd4j.create(DataType.FLOAT, new long[] {capacity, dense.units(i)}, 'f');
        }
        this.outputActivation = dense.confs().get(layers - 1).getActivationFn();
        this.capacity = capacity;
        this.onesArray = Nd4j.ones(DataType.FLOAT, capacity);
        this.ones = Blas.vector(onesArray);
    }

    /** The pass for {@code model} on up to {@code rows} rows at a time, or null when it has other layers. */
    public static DenseForward forModel(MultiLayerNetwork model, int rows) {
        DenseLayers dense = DenseLayers.of(model);
        return dense == null ? null : new DenseForward(dense, Math.max(1, rows));
    }

    /**
     * The network's outputs for the rows of {@code features} (at most the capacity given to {@link #forModel}),
     * in a buffer that the next call overwrites.
     */
    public INDArray output(INDArray features) {
        int rows = (int) features.rows();
        if (rows > capacity) {
            throw new IllegalArgumentException("a chunk of " + rows + " rows is larger than the " + capacity
                    + " this pass was made for");
        }
        INDArray readable = Blas.readable(features);
        Blas.Matrix input = Blas.Matrix.of(readable);
        INDArray out = null;
        for (int i = 0; i < layers; i++) {
            out = rows == capacity ? buffers[i] : buffers[i].get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
            Blas.Matrix pre = Blas.Matrix.require(out);
            dense.affine(i, input, pre, ones);
            if (i < layers - 1) {
                activations[i].forward(out, out);
            } else {
                outputActivation.getActivation(out, false);
            }
            input = pre;
        }
        if (readable != features) {
            readable.close();
        }
        return out;
    }

    /** Frees the buffers now instead of when the garbage collector gets to them (they live outside the heap). */
    @Override
    public void close() {
        for (INDArray b : buffers) {
            b.close();
        }
        onesArray.close();
    }
}
