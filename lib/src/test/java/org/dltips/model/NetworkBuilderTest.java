package org.dltips.model;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkBuilderTest {

    private static Layer layer(MultiLayerConfiguration conf, int i) {
        return conf.getConf(i).getLayer();
    }

    @Test
    void kerasDropoutAfterHiddenLayerBecomesDl4jRetainProbabilityOnTheNextLayer() {
        MultiLayerConfiguration conf = Network.input(20).dense(30, Activation.RELU).dropout(0.7)
                .dense(30, Activation.RELU).dropout(0.7).softmax(3).configuration();
        assertNull(layer(conf, 0).getIDropout(), "no dropout on the first layer's input");
        Dropout second = assertInstanceOf(Dropout.class, layer(conf, 1).getIDropout());
        assertEquals(0.3, second.getP(), 1e-12, "Keras Dropout(0.7) drops 70%: DL4J must RETAIN 30%");
        Dropout output = assertInstanceOf(Dropout.class, layer(conf, 2).getIDropout());
        assertEquals(0.3, output.getP(), 1e-12);
    }

    @Test
    void hiddenWithDropoutEqualsSpelledOutLayers() {
        MultiLayerConfiguration a = Network.input(5).hidden(3, 8, Activation.RELU, 0.7).softmax(2).configuration();
        MultiLayerConfiguration b = Network.input(5).dense(8, Activation.RELU).dropout(0.7).dense(8, Activation.RELU)
                .dropout(0.7).dense(8, Activation.RELU).dropout(0.7).softmax(2).configuration();
        assertEquals(b.toJson(), a.toJson());
    }

    @Test
    void dropoutDropsTheRequestedShareOfUnitsDuringTrainingOnly() {
        int n = 2000;
        Network net = Network.input(n).dropout(0.7).dense(n, Activation.IDENTITY).softmax(2).seed(3).build();
        net.model().getLayer(0).setParam("W", Nd4j.eye(n).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT));
        net.model().getLayer(0).setParam("b", Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, n));
        INDArray ones = Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, n);
        INDArray training = net.model().feedForward(ones, true).get(1);
        double zeros = training.eq(0).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).meanNumber().doubleValue();
        assertEquals(0.7, zeros, 0.04, "share of dropped units during training");
        assertEquals(1 / 0.3, training.maxNumber().doubleValue(), 1e-4, "kept units are scaled by 1/retain");
        INDArray inference = net.model().feedForward(ones, false).get(1);
        assertEquals(0.0, inference.eq(0).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).meanNumber().doubleValue(),
                "no dropout at test time");
    }

    @Test
    void builderIsImmutableSoVariantsDoNotLeakIntoTheBase() {
        NetworkBuilder base = Network.input(4).dense(5, Activation.SIGMOID).softmax(2);
        NetworkBuilder mse = base.loss(Loss.MSE);
        assertInstanceOf(LossMCXENT.class, ((OutputLayer) layer(base.configuration(), 1)).getLossFn());
        assertInstanceOf(LossMSE.class, ((OutputLayer) layer(mse.configuration(), 1)).getLossFn());
    }

    @Test
    void batchNormSitsBetweenTheLinearPartAndTheActivation() {
        MultiLayerConfiguration conf = Network.input(4).dense(6, Activation.TANH).batchNorm().softmax(2).configuration();
        DenseLayer dense = assertInstanceOf(DenseLayer.class, layer(conf, 0));
        assertEquals("identity", dense.getActivationFn().toString());
        assertInstanceOf(BatchNormalization.class, layer(conf, 1));
        assertEquals("tanh", assertInstanceOf(ActivationLayer.class, layer(conf, 2)).getActivationFn().toString());
        assertInstanceOf(OutputLayer.class, layer(conf, 3));
    }

    @Test
    void describesItselfInOneLine() {
        assertEquals("784 - 689 sigmoid - 689 sigmoid - 689 sigmoid - softmax 10, MSE, SGD(0.1), seed 1",
                Network.input(784).hidden(3, 689, Activation.SIGMOID).softmax(10).loss(Loss.MSE).toString());
    }

    @Test
    void errorsSayWhatWasWrongAndHowToFixIt() {
        assertEquals("the network 4 - 5 relu (no output yet), cross-entropy, SGD(0.1), seed 1 has no output layer;"
                        + " add .softmax(10) before .build()",
                assertThrows(IllegalStateException.class,
                        () -> Network.input(4).dense(5, Activation.RELU).build()).getMessage());
        assertEquals("dropout got 70.0; expected the probability to DROP a unit, between 0 and 1 (exclusive),"
                        + " e.g. dropout(0.5)",
                assertThrows(IllegalArgumentException.class, () -> Network.input(4).dropout(70)).getMessage());
        assertEquals("dense(...) comes after softmax(2); the output layer must be last, so move softmax(...) to the end",
                assertThrows(IllegalStateException.class,
                        () -> Network.input(4).softmax(2).dense(3, Activation.RELU)).getMessage());
        assertTrue(assertThrows(IllegalStateException.class,
                () -> Optimizer.adam().momentum(0.9)).getMessage().startsWith("momentum(0.9) applies to SGD"));
    }

    @Test
    void penaltiesReachTheWeightsButNotTheBiases() {
        MultiLayerConfiguration conf = Network.input(4).dense(5, Activation.RELU).softmax(2).l1(1e-5).l2(1e-4)
                .configuration();
        org.deeplearning4j.nn.conf.layers.BaseLayer dense = (org.deeplearning4j.nn.conf.layers.BaseLayer) layer(conf, 0);
        assertEquals("[L1Regularization(l1=FixedSchedule(value=1.0E-5)), L2Regularization(l2=FixedSchedule(value=1.0E-4))]",
                dense.getRegularization().toString());
        assertTrue(dense.getRegularizationBias().isEmpty());
        assertEquals("weight decay given twice: weightDecay(0.01) and AdamW(0.001, decay 0.02); keep one of them",
                assertThrows(IllegalStateException.class, () -> Network.input(4).softmax(2).weightDecay(0.01)
                        .optimizer(Optimizer.adamW(0.001, 0.02)).build()).getMessage());
    }

    @Test
    void weightDecayIsListedOnceOnEveryLayer() {
        for (NetworkBuilder builder : new NetworkBuilder[] {
                Network.input(4).dense(5, Activation.RELU).softmax(2).weightDecay(0.01),
                Network.input(4).dense(5, Activation.RELU).softmax(2).optimizer(Optimizer.adamW(0.001, 0.01))}) {
            MultiLayerConfiguration conf = builder.configuration();
            for (int i = 0; i < 2; i++) {
                assertEquals("[WeightDecay(coeff=FixedSchedule(value=0.01), applyLR=true)]",
                        ((org.deeplearning4j.nn.conf.layers.BaseLayer) layer(conf, i)).getRegularization().toString());
            }
        }
    }

    @Test
    void withSgdL2AndWeightDecayOfTheSameCoefficientAreTheSameUpdate() {
        org.dltips.data.Dataset train = org.dltips.train.Synthetic.blobs(200, 6, 3, 1);
        NetworkBuilder sgd = Network.input(6).dense(16, Activation.RELU).softmax(3).optimizer(Optimizer.sgd(0.1));
        float[] plain = trained(sgd, train);
        float[] l2 = trained(sgd.l2(0.05), train);
        float[] decay = trained(sgd.weightDecay(0.05), train);
        assertTrue(largestDifference(l2, plain) > 1e-3, "the penalty changes the weights");
        assertTrue(largestDifference(l2, decay) < 1e-6, "weight decay at the rate asked, not twice it: "
                + largestDifference(l2, decay));
        float[] adamL2 = trained(sgd.optimizer(Optimizer.adam(0.01)).l2(0.05), train);
        float[] adamW = trained(sgd.optimizer(Optimizer.adamW(0.01, 0.05)), train);
        assertTrue(largestDifference(adamL2, adamW) > 1e-3, "with Adam, L2 goes through Adam's scaling");
    }

    private static float[] trained(NetworkBuilder builder, org.dltips.data.Dataset train) {
        Network net = builder.build();
        net.fit(train, org.dltips.train.Fit.epochs(3).batchSize(20).quiet());
        return net.model().params().toFloatVector();
    }

    private static double largestDifference(float[] a, float[] b) {
        double largest = 0;
        for (int i = 0; i < a.length; i++) {
            largest = Math.max(largest, Math.abs(a[i] - b[i]));
        }
        return largest;
    }

    @Test
    void initChoicesReachTheLayers() {
        Network kaiming = Network.input(400).dense(400, Activation.RELU).softmax(2).init(Init.KAIMING).build();
        Network small = Network.input(400).dense(400, Activation.RELU).softmax(2).init(Init.normal(0.01)).build();
        double kaimingStd = kaiming.model().getLayer(0).getParam("W").stdNumber().doubleValue();
        double smallStd = small.model().getLayer(0).getParam("W").stdNumber().doubleValue();
        assertEquals(Math.sqrt(2.0 / 400), kaimingStd, 0.005, "Kaiming: variance 2 / fan-in");
        assertEquals(0.01, smallStd, 0.001, "plain normal: the given standard deviation");
    }
}
