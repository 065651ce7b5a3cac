package org.dltips.train.internal;

import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A network's stack of dense layers as the BLAS paths ({@link DenseStep}, {@link DenseForward}) read it: each
 * layer's configuration, and its weights and biases where the network keeps them, so that updates in place and
 * reads follow training.
 *
 * <p>{@code DenseLayers dense = DenseLayers.of(model); if (dense != null) dense.affine(0, x, pre, ones);}
 *
 * @param confs the layers' configurations, the output layer last
 * @param weights each layer's column-major weight matrix (inputs x units)
 * @param biases each layer's contiguous bias row
 */
record DenseLayers(List<BaseLayer> confs, Blas.Matrix[] weights, FloatPointer[] biases) {

    /**
     * The layers of {@code model}, or null unless it is float dense hidden layers (with biases, without layer
     * normalization) and an output layer, without input preprocessors, on a backend BLAS can read.
     */
    static DenseLayers of(MultiLayerNetwork model) {
        MultiLayerConfiguration conf = model.getLayerWiseConfigurations();
        if (!Blas.available() || conf.getInputPreProcessors() != null && !conf.getInputPreProcessors().isEmpty()
                || conf.getDataType() != DataType.FLOAT || conf.getConfs().isEmpty()) {
            return null;
        }
        List<NeuralNetConfiguration> layerConfs = conf.getConfs();
        int n = layerConfs.size();
        BaseLayer[] confs = new BaseLayer[n];
        Blas.Matrix[] weights = new Blas.Matrix[n];
        FloatPointer[] biases = new FloatPointer[n];
        for (int i = 0; i < n; i++) {
            Object layer = layerConfs.get(i).getLayer();
            boolean dense = layer.getClass() == DenseLayer.class && ((DenseLayer) layer).hasBias()
                    && !((DenseLayer) layer).hasLayerNorm();
            if (i == n - 1 ? layer.getClass() != OutputLayer.class : !dense) {
                return null;
            }
            confs[i] = (BaseLayer) layer;
            weights[i] = Blas.Matrix.of(model.getLayer(i).getParam("W"));
            biases[i] = Blas.vector(model.getLayer(i).getParam("b"));
            if (weights[i] == null || weights[i].transposed() || biases[i] == null) {
                return null;
            }
        }
        return new DenseLayers(List.of(confs), weights, biases);
    }

    int count() {
        return confs.size();
    }

    /** Units of layer {@code i}. */
    long units(int i) {
        return weights[i].columns();
    }

    /** {@code pre = input * W + b} for layer {@code i}; {@code ones} holds at least as many ones as input rows. */
    void affine(int i, Blas.Matrix input, Blas.Matrix pre, FloatPointer ones) {
        Blas.gemm(input, false, weights[i], false, pre, 1, 0);
        Blas.addToRows(pre, biases[i], ones);
    }
}
