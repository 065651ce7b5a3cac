package org.dltips.model.internal;

import org.dltips.model.Init;
import org.dltips.model.Loss;
import org.dltips.model.Optimizer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PReLULayer;
import org.deeplearning4j.nn.weights.WeightInitConstant;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Turns the builder's description into a DL4J configuration. Dropout is given to us as the probability to
 * drop a layer's OUTPUT (Keras); DL4J's {@code dropOut(p)} takes the probability to RETAIN the INPUT of the
 * layer it is set on, so a drop probability d after layer k becomes {@code dropOut(1 - d)} on layer k + 1.
 * A plain batch-normalized layer becomes dense (no activation), batch normalization, activation; a residual
 * layer becomes one {@link ResidualDense}, followed by batch normalization of its output when asked for. A Maxout
 * layer becomes a dense layer of {@code units * pieces} without activation and {@link MaxoutGroups}; a parametric
 * ReLU, a dense layer without activation and DL4J's {@code PReLULayer}.
 *
 * <p>{@code ConfigFactory.configuration(784, layers, 0, 10, Loss.MSE, Optimizer.sgd(0.1), Init.XAVIER, 0, 0, 0, 1)}
 */
public final class ConfigFactory {

    /** The slope a parametric ReLU starts from, as in He et al. (2015), who introduced it. */
    public static final double PRELU_START = 0.25;

    private ConfigFactory() {
    }

    /** DL4J's retain probability for a Keras-style drop probability. */
    public static double retainProbability(double dropProbability) {
        return 1.0 - dropProbability;
    }

    /** The full configuration; {@code outputDrop} is the drop probability on the output layer's input. */
    public static MultiLayerConfiguration configuration(int inputSize, List<LayerSpec> hidden, double outputDrop,
                                                        int outputs, Loss loss, Optimizer optimizer, Init init,
                                                        double l1, double l2, double weightDecay, long seed) {
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(optimizer.toDl4j())
                .weightInit(init.toDl4j());
        if (l1 > 0) {
            base.l1(l1);
        }
        if (l2 > 0) {
            base.l2(l2);
        }
        double decay = weightDecay > 0 ? weightDecay : optimizer.weightDecay();
        if (decay > 0) {
            base.weightDecay(decay, true);
        }
        NeuralNetConfiguration.ListBuilder list = base.list();
        int nIn = inputSize;
        for (LayerSpec layer : hidden) {
            if (layer.residual()) {
                list.layer(new ResidualDense(layer.units(), layer.activation().toDl4j().getActivationFunction()));
                if (layer.batchNorm()) {
                    list.layer(new BatchNormalization.Builder().nIn(layer.units()).nOut(layer.units()).build());
                }
                nIn = layer.units();
                continue;
            }
            boolean separate = layer.batchNorm() || !layer.activation().hasDl4jFunction();
            DenseLayer.Builder dense = new DenseLayer.Builder().nIn(nIn).nOut((long) layer.units() * layer.pieces())
                    .activation(separate ? org.nd4j.linalg.activations.Activation.IDENTITY
                            : layer.activation().toDl4j());
            if (layer.dropBefore() > 0) {
                dense.dropOut(retainProbability(layer.dropBefore()));
            }
            list.layer(dense.build());
            if (layer.maxout()) {
                list.layer(new MaxoutGroups(layer.units(), layer.pieces()));
            }
            if (layer.batchNorm()) {
                list.layer(new BatchNormalization.Builder().nIn(layer.units()).nOut(layer.units()).build());
            }
            if (separate && layer.activation().hasDl4jFunction()) {
                list.layer(new ActivationLayer.Builder().activation(layer.activation().toDl4j()).build());
            } else if (separate) {
                list.layer(new PReLULayer.Builder().inputShape(layer.units())
                        .weightInit(new WeightInitConstant(PRELU_START)).build());
            }
            nIn = layer.units();
        }
        OutputLayer.Builder out = new OutputLayer.Builder(loss.toDl4j()).nIn(nIn).nOut(outputs)
                .activation(org.nd4j.linalg.activations.Activation.SOFTMAX);
        if (outputDrop > 0) {
            out.dropOut(retainProbability(outputDrop));
        }
        list.layer(out.build());
        return withSingleWeightDecay(list.build());
    }

    /**
     * DL4J 1.0.0-M2.1 copies a network-wide {@code weightDecay} into every layer's list twice, which decays the
     * weights at twice the asked rate; keeps one of each regularization.
     */
    static MultiLayerConfiguration withSingleWeightDecay(MultiLayerConfiguration configuration) {
        for (NeuralNetConfiguration layerConf : configuration.getConfs()) {
            if (layerConf.getLayer() instanceof BaseLayer layer && layer.getRegularization() != null) {
                layer.setRegularization(new ArrayList<>(new LinkedHashSet<>(layer.getRegularization())));
            }
        }
        return configuration;
    }

    /** One line such as "784 - 689 sigmoid - softmax 10, MSE, SGD(0.1), seed 1". */
    public static String describe(int inputSize, List<LayerSpec> hidden, double outputDrop, int outputs, Loss loss,
                                  Optimizer optimizer, Init init, double l1, double l2, double weightDecay, long seed) {
        StringBuilder text = new StringBuilder().append(inputSize);
        for (LayerSpec layer : hidden) {
            if (layer.dropBefore() > 0) {
                text.append(" -drop ").append(layer.dropBefore());
            }
            text.append(" - ").append(layer.units()).append(' ')
                    .append(layer.maxout() ? "maxout x" + layer.pieces() : layer.activation().name().toLowerCase());
            if (layer.residual()) {
                text.append("+skip");
            }
            if (layer.batchNorm()) {
                text.append("+BN");
            }
        }
        if (outputDrop > 0) {
            text.append(" -drop ").append(outputDrop);
        }
        text.append(outputs > 0 ? " - softmax " + outputs : " (no output yet)");
        text.append(", ").append(loss == Loss.MSE ? "MSE" : "cross-entropy").append(", ").append(optimizer);
        if (init != Init.XAVIER) {
            text.append(", ").append(init);
        }
        if (l1 > 0) {
            text.append(", L1 ").append(l1);
        }
        if (l2 > 0) {
            text.append(", L2 ").append(l2);
        }
        if (weightDecay > 0) {
            text.append(", weight decay ").append(weightDecay);
        }
        return text.append(", seed ").append(seed).toString();
    }
}
