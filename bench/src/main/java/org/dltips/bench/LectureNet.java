package org.dltips.bench;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The lecture's network in plain DL4J: 784-689-689-689-10, ReLU, softmax with cross-entropy, SGD 0.1, float32.
 *
 * <p>{@code MultiLayerNetwork net = LectureNet.build(settings);}
 */
final class LectureNet {
    static final int HIDDEN = 689;
    static final int[] WIDTHS = {BenchData.PIXELS, HIDDEN, HIDDEN, HIDDEN, BenchData.CLASSES};
    /** The lecture's SGD learning rate. */
    static final double RATE = 0.1;

    private LectureNet() {
    }

    static MultiLayerNetwork build(Settings s) {
        return build(s, RATE);
    }

    /** The network trained with SGD at {@code rate} instead of the lecture's. */
    static MultiLayerNetwork build(Settings s, double rate) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(1)
                .dataType(DataType.FLOAT)
                .updater(new Sgd(rate))
                .weightInit(WeightInit.RELU)
                .trainingWorkspaceMode(s.workspace())
                .inferenceWorkspaceMode(s.workspace())
                .cacheMode(s.cache())
                .list();
        for (int i = 0; i < WIDTHS.length - 2; i++) {
            list.layer(new DenseLayer.Builder().nIn(WIDTHS[i]).nOut(WIDTHS[i + 1]).activation(Activation.RELU).build());
        }
        int last = WIDTHS.length - 2;
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(WIDTHS[last]).nOut(WIDTHS[last + 1]).activation(Activation.SOFTMAX).build());
        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /**
     * Floating-point operations of one epoch counted as 3 matrix products per layer per batch
     * (forward, input gradient, weight gradient), 2 flops per multiply-add; bias and activations ignored.
     */
    static double epochFlops(int samples) {
        double macs = 0;
        for (int i = 0; i + 1 < WIDTHS.length; i++) {
            macs += (double) WIDTHS[i] * WIDTHS[i + 1];
        }
        return 3 * 2 * macs * samples;
    }

    /** As {@link #epochFlops} but without the input gradient of the first layer, which nobody needs. */
    static double epochFlopsNeeded(int samples) {
        return epochFlops(samples) - 2.0 * WIDTHS[0] * WIDTHS[1] * samples;
    }
}
