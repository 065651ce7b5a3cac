package org.dltips.train.internal;

import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The inference pass of a stack of dense layers (what {@code model.output(x, false)} computes) through the BLAS
 * calls of {@link DenseSgdStep}, with buffers kept from chunk to chunk: evaluating the training and test sets
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

    private final int layers;
    private final Blas.Matrix[] weights;
    private final FloatPointer[] biases;
    private final HiddenActivation[] activations;
    private final IActivation outputActivation;
    private final int capacity;
    private final INDArray[] buffers;
    private final INDArray onesArray;
    private final FloatPointer ones;

    private DenseForward(List<BaseLayer> confs, Blas.Matrix[] weights, FloatPointer[] biases, int capacity) {
        this.layers = confs.size();
        this.weights = weights;
        this.biases = biases;
        this.activations = new HiddenActivation[layers];
        for (int i = 0; i < layers; i++) {
            activations[i] = HiddenActivation.of(confs.get(i).getActivationFn());
        }
        this.outputActivation = confs.get(layers - 1).getActivationFn();
        this.capacity = capacity;
        this.buffers = new INDArray[layers];
        for (int i = 0; i < layers; i++) {
            buffers[i] = Nd4j.create(DataType.FLOAT, new long[] {capacity, weights[i].columns()}, 'f');
        }
        this.onesArray = Nd4j.ones(DataType.FLOAT, capacity);
        this.ones = Blas.vector(onesArray);
    }

    /** The pass for {@code model} on up to {@code rows} rows at a time, or null when it has other layers. */
    public static DenseForward forModel(MultiLayerNetwork model, int rows) {
        MultiLayerConfiguration conf = model.getLayerWiseConfigurations();
        if (!Blas.available() || conf.getInputPreProcessors() != null && !conf.getInputPreProcessors().isEmpty()
                || conf.getDataType() != DataType.FLOAT || conf.getConfs().isEmpty()) {
            return null;
        }
        List<NeuralNetConfiguration> layerConfs = conf.getConfs();
        int n = layerConfs.size();
        Blas.Matrix[] weights = new Blas.Matrix[n];
        FloatPointer[] biases = new FloatPointer[n];
        BaseLayer[] confs = new BaseLayer[n];
        for (int i = 0; i < n; i++) {
            Object layer = layerConfs.get(i).getLayer();
            boolean last = i == n - 1;
            boolean dense = layer.getClass() == DenseLayer.class && ((DenseLayer) layer).hasBias()
                    && !((DenseLayer) layer).hasLayerNorm();
            if (last ? layer.getClass() != OutputLayer.class : !dense) {
                return null;
            }
            confs[i] = (BaseLayer) layer;
            weights[i] = Blas.Matrix.of(model.getLayer(i).getParam("W"));
            biases[i] = Blas.vector(model.getLayer(i).getParam("b"));
            if (weights[i] == null || weights[i].transposed() || biases[i] == null) {
                return null;
            }
        }
        return new DenseForward(List.of(confs), weights, biases, Math.max(1, rows));
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
        Blas.Matrix input = Blas.Matrix.of(features);
        INDArray copy = input == null ? features.dup('f') : null;
        if (copy != null) {
            input = Blas.Matrix.require(copy);
        }
        INDArray out = null;
        for (int i = 0; i < layers; i++) {
            out = rows == capacity ? buffers[i] : buffers[i].get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
            Blas.Matrix pre = Blas.Matrix.require(out);
            Blas.gemm(input, false, weights[i], false, pre, 1, 0);
            Blas.addToRows(pre, biases[i], ones);
            if (i < layers - 1) {
                activations[i].forward(out, out);
            } else {
                outputActivation.getActivation(out, false);
            }
            input = pre;
        }
        if (copy != null) {
            copy.close();
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
