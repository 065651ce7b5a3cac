package org.dltips.train.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.dltips.model.Activation;
import org.dltips.model.Loss;
import org.dltips.model.Network;
import org.dltips.model.NetworkBuilder;
import org.dltips.model.Optimizer;
import org.dltips.model.Schedule;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The hand-written step must train exactly like DL4J's own fit: same losses, same weights after every batch. */
class DenseStepTest {

    private static final int ROWS = 90;
    private static final int FEATURES = 12;
    private static final int CLASSES = 4;

    @ParameterizedTest(name = "{0} hidden, {1}, rate {2}, batch {3}, features in {4} order")
    @CsvSource({"SIGMOID, MSE, 0.5, 32, c", "RELU, CROSS_ENTROPY, 0.1, 25, c", "TANH, CROSS_ENTROPY, 0.3, 90, c",
        "SIGMOID, CROSS_ENTROPY, 0.5, 1, c", "RELU, MSE, 0.2, 30, f", "RELU, CROSS_ENTROPY, 0.1, 20, strided"})
    void trainsLikeDl4jsFit(Activation activation, Loss loss, double rate, int batch, String layout) {
        NetworkBuilder builder = Network.input(FEATURES).hidden(2, 16, activation).softmax(CLASSES).loss(loss)
                .optimizer(Optimizer.sgd(rate)).seed(7);
        assertTrainsLikeDl4j(builder, batch, layout);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Adam", "Adam with a schedule", "AdamW", "momentum", "Nesterov", "RMSProp", "Adagrad",
        "SGD with L2", "SGD with L1", "SGD with weight decay", "SGD with a schedule", "Adam with L2 and dropout"})
    void everyUpdaterAndPenaltyTrainsLikeDl4jsFit(String name) {
        NetworkBuilder base = Network.input(FEATURES).hidden(2, 16, Activation.RELU).softmax(CLASSES).seed(11);
        NetworkBuilder builder = switch (name) {
            case "Adam" -> base.optimizer(Optimizer.adam(0.01));
            case "Adam with a schedule" -> base.optimizer(Optimizer.adam(0.01).schedule(Schedule.exponential(0.9)));
            case "AdamW" -> base.optimizer(Optimizer.adamW(0.01, 0.05));
            case "momentum" -> base.optimizer(Optimizer.sgd(0.1).momentum(0.9));
            case "Nesterov" -> base.optimizer(Optimizer.sgd(0.1).nesterov());
            case "RMSProp" -> base.optimizer(Optimizer.rmsprop(0.01));
            case "Adagrad" -> base.optimizer(Optimizer.adagrad(0.05));
            case "SGD with L2" -> base.optimizer(Optimizer.sgd(0.2)).l2(0.01);
            case "SGD with L1" -> base.optimizer(Optimizer.sgd(0.2)).l1(0.001);
            case "SGD with weight decay" -> base.optimizer(Optimizer.sgd(0.2)).weightDecay(0.01);
            case "SGD with a schedule" -> base.optimizer(Optimizer.sgd(0.3).schedule(Schedule.exponential(0.8)));
            case "Adam with L2 and dropout" -> Network.input(FEATURES).hidden(2, 16, Activation.RELU, 0.3)
                    .softmax(CLASSES).optimizer(Optimizer.adam(0.01)).l2(0.001).seed(11);
            default -> throw new IllegalArgumentException(name);
        };
        assertTrainsLikeDl4j(builder, 20, "c");
    }

    @ParameterizedTest(name = "dropout {0} on the inputs and after each hidden layer, features in {1} order")
    @CsvSource({"0.5, c", "0.2, f", "0.7, strided"})
    void dropoutDropsTheUnitsDl4jDrops(double drop, String layout) {
        NetworkBuilder builder = Network.input(FEATURES).dropout(drop).hidden(2, 16, Activation.SIGMOID, drop)
                .softmax(CLASSES).optimizer(Optimizer.sgd(0.5)).seed(5);
        assertTrainsLikeDl4j(builder, 30, layout);
    }

    @Test
    void aLargeNetworkUpdatedOnTwoThreadsTrainsLikeDl4jsFit() {
        // 300 x 900 + 900 x 4 weights: past the size from which a second thread updates half of them
        NetworkBuilder builder = Network.input(300).hidden(1, 900, Activation.RELU, 0.2).softmax(CLASSES)
                .optimizer(Optimizer.adamW(0.01, 0.05)).l2(0.001).seed(4);
        MultiLayerNetwork ours = builder.build().model();
        MultiLayerNetwork dl4j = builder.build().model();
        DenseStep step = DenseStep.forModel(ours);
        INDArray x = Nd4j.rand(DataType.FLOAT, 60, 300).muli(0.1); // pixel-like sums, not saturated logits
        INDArray y = oneHot(60, new Random(8));
        for (int from = 0; from < 60; from += 20) {
            INDArray xb = x.get(NDArrayIndex.interval(from, from + 20), NDArrayIndex.all());
            INDArray yb = y.get(NDArrayIndex.interval(from, from + 20), NDArrayIndex.all());
            Nd4j.getRandom().setSeed(50 + from);
            double ourLoss = step.fit(xb, yb);
            Nd4j.getRandom().setSeed(50 + from);
            dl4j.fit(xb, yb);
            // the weight-decay penalty sums 270 000 squares: DL4J's float norm differs from our double sum by ~5e-5
            assertEquals(dl4j.score(), ourLoss, 1e-4 * Math.max(1, Math.abs(ourLoss)), "loss at row " + from);
            double gap = dl4j.params().sub(ours.params()).amaxNumber().doubleValue();
            // Adam at rate 0.01 turns rounding differences in near-zero gradients into steps ~1e-5 apart
            assertTrue(gap < 5e-5, "weights drifted from DL4J's by " + gap + " at row " + from);
        }
        step.close();
    }

    @Test
    void aLargeNetworkInHalvesTrainsLikeDl4jsFit() {
        // products of 60 x 300 x 900 and sigmoids over 60 x 900 values: large enough to go in halves
        NetworkBuilder builder = Network.input(300).hidden(2, 900, Activation.SIGMOID).softmax(CLASSES)
                .optimizer(Optimizer.sgd(0.5)).seed(6);
        MultiLayerNetwork ours = builder.build().model();
        MultiLayerNetwork dl4j = builder.build().model();
        DenseStep step = DenseStep.forModel(ours);
        INDArray x = Nd4j.rand(DataType.FLOAT, 120, 300).muli(0.1);
        INDArray y = oneHot(120, new Random(9));
        try {
            Blas.computeInHalves(true);
            for (int from = 0; from < 120; from += 60) {
                INDArray xb = x.get(NDArrayIndex.interval(from, from + 60), NDArrayIndex.all());
                INDArray yb = y.get(NDArrayIndex.interval(from, from + 60), NDArrayIndex.all());
                double ourLoss = step.fit(xb, yb);
                dl4j.fit(xb, yb);
                assertEquals(dl4j.score(), ourLoss, 1e-5 * Math.max(1, Math.abs(ourLoss)), "loss at row " + from);
                double gap = dl4j.params().sub(ours.params()).amaxNumber().doubleValue();
                assertTrue(gap < 1e-5, "weights drifted from DL4J's by " + gap + " at row " + from);
            }
        } finally {
            Blas.computeInHalves(false);
            step.close();
        }
    }

    @Test
    void twoThreadsUpdateExactlyLikeOne() {
        NetworkBuilder builder = Network.input(300).hidden(1, 900, Activation.RELU).softmax(CLASSES)
                .optimizer(Optimizer.adamW(0.01, 0.05)).l2(0.001).l1(0.0001).seed(6);
        MultiLayerNetwork one = builder.build().model();
        MultiLayerNetwork two = builder.build().model();
        ParameterUpdate single = ParameterUpdate.forModel(one, 1);
        ParameterUpdate shared = ParameterUpdate.forModel(two, 2);
        for (int step = 0; step < 3; step++) {
            INDArray g = Nd4j.randn(DataType.FLOAT, one.numParams()).muli(0.01);
            single.gradient().assign(g);
            shared.gradient().assign(g);
            double penalty = single.apply(step, 0);
            assertEquals(penalty, shared.apply(step, 0), 1e-12 * penalty, "the penalty of step " + step); // summed in two parts
            assertEquals(one.params(), two.params(), "weights after step " + step);
        }
        single.close();
        shared.close();
        assertEquals(one.getUpdater().getStateViewArray(), two.getUpdater().getStateViewArray(), "Adam's moments");
    }

    @Test
    void adamStateCarriesOverToDl4jsOwnFit() {
        NetworkBuilder builder = Network.input(FEATURES).hidden(1, 16, Activation.RELU).softmax(CLASSES)
                .optimizer(Optimizer.adam(0.01)).seed(2);
        MultiLayerNetwork ours = builder.build().model();
        MultiLayerNetwork dl4j = builder.build().model();
        INDArray x = Nd4j.rand(DataType.FLOAT, 40, FEATURES);
        INDArray y = oneHot(40, new Random(9));
        DenseStep step = DenseStep.forModel(ours);
        step.fit(x, y);
        step.close(); // hands the moments back to DL4J's updater
        dl4j.fit(x, y);
        ours.fit(x, y);
        dl4j.fit(x, y);
        double gap = dl4j.params().sub(ours.params()).amaxNumber().doubleValue();
        assertTrue(gap < 1e-5, "DL4J's fit after ours continued from other moments: weights differ by " + gap);
    }

    private static void assertTrainsLikeDl4j(NetworkBuilder builder, int batch, String layout) {
        MultiLayerNetwork ours = builder.build().model();
        MultiLayerNetwork dl4j = builder.build().model();
        assertEquals(dl4j.params(), ours.params(), "both start from the same weights");
        DenseStep step = DenseStep.forModel(ours);
        assertNotNull(step, "this dense network takes the step");
        INDArray compared = comparedParameters(ours);

        boolean strided = layout.equals("strided"); // every other column of a wider array: no layout BLAS reads
        INDArray x = Nd4j.rand(DataType.FLOAT, ROWS, strided ? 2 * FEATURES : FEATURES).dup(strided ? 'c' : layout.charAt(0));
        INDArray y = oneHot(ROWS, new Random(3));
        for (int epoch = 0; epoch < 3; epoch++) {
            for (int from = 0; from < ROWS; from += batch) {
                int to = Math.min(ROWS, from + batch);
                INDArray xb = x.get(NDArrayIndex.interval(from, to),
                        strided ? NDArrayIndex.interval(0, 2, 2 * FEATURES) : NDArrayIndex.all());
                INDArray yb = y.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
                long seed = 1 + 1000L * epoch + from; // not 0: ND4J leaves its generator as it is for seed 0
                Nd4j.getRandom().setSeed(seed); // dropout draws the same masks in both
                double ourLoss = step.fit(xb, yb);
                int[] ourClasses = step.predictions();
                Nd4j.getRandom().setSeed(seed);
                dl4j.fit(xb, yb);
                assertEquals(dl4j.score(), ourLoss, 1e-5 * Math.max(1, Math.abs(ourLoss)),
                        "loss of the batch in epoch " + epoch + " at row " + from);
                double gap = dl4j.params().sub(ours.params()).muli(compared).amaxNumber().doubleValue();
                assertTrue(gap < 1e-5, "weights drifted from DL4J's by " + gap + " in epoch " + epoch + " at row " + from);
                assertEquals(to - from, ourClasses.length, "one predicted class per row");
            }
            ours.incrementEpochCount();
            dl4j.incrementEpochCount();
        }
        assertTrue(ours.params().sub(builder.build().model().params()).amaxNumber().doubleValue() > 1e-3,
                "training moved the weights");
        step.close();
    }

    /**
     * How closely to compare each parameter, as the factor its difference is scaled by before the 1e-5 bound: 1 for
     * most; 0 for the biases of layers whose outputs batch normalization takes, since the normalization subtracts
     * them again, so their gradient is zero but for rounding, which differs between any two ways of computing it,
     * and Adam or RMSProp scale that rounding up to steps of a thousandth of the rate; 0.01 (a bound of 1e-3) for the
     * running means of those outputs, which average what those biases were. Plain SGD moves such a bias by the rate
     * times the rounding, so with SGD every parameter is compared.
     */
    private static INDArray comparedParameters(MultiLayerNetwork model) {
        INDArray mask = Nd4j.ones(DataType.FLOAT, model.numParams());
        if (((BaseLayer) model.getLayer(0).conf().getLayer()).getIUpdater() instanceof Sgd) {
            return mask;
        }
        long at = 0;
        for (var entry : model.paramTable().entrySet()) {
            long length = entry.getValue().length();
            String[] name = entry.getKey().split("_");
            int layer = Integer.parseInt(name[0]);
            boolean normalizedNext = layer + 1 < model.getnLayers()
                    && model.getLayer(layer + 1).conf().getLayer() instanceof BatchNormalization;
            if (name[1].equals("b") && normalizedNext) {
                mask.get(NDArrayIndex.interval(at, at + length)).assign(0);
            } else if (name[1].equals("mean")) {
                mask.get(NDArrayIndex.interval(at, at + length)).assign(0.01);
            }
            at += length;
        }
        return mask;
    }

    private static INDArray oneHot(int rows, Random random) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, rows, CLASSES);
        for (int i = 0; i < rows; i++) {
            y.putScalar(i, random.nextInt(CLASSES), 1.0);
        }
        return y;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"batch norm after ReLU layers, SGD", "batch norm after sigmoid layers, Adam",
        "batch norm before tanh, SGD",
        "batch norm with dropout after it, momentum", "skip connections, SGD", "skip connections, Adam",
        "skip connections with batch norm, SGD", "skip connections with batch norm, RMSProp"})
    void batchNormalizationAndSkipConnectionsTrainLikeDl4jsFit(String name) {
        NetworkBuilder builder = switch (name) {
            case "batch norm after ReLU layers, SGD" -> Network.input(FEATURES).dense(16, Activation.RELU).batchNorm()
                    .dense(12, Activation.RELU).batchNorm().softmax(CLASSES).optimizer(Optimizer.sgd(0.3));
            case "batch norm after sigmoid layers, Adam" -> Network.input(FEATURES).dense(16, Activation.SIGMOID)
                    .batchNorm().dense(16, Activation.SIGMOID).batchNorm().softmax(CLASSES).loss(Loss.MSE)
                    .optimizer(Optimizer.adam(0.01));
            case "batch norm before tanh, SGD" -> Network.input(FEATURES).dense(16, Activation.TANH).batchNorm()
                    .dense(16, Activation.TANH).batchNorm().softmax(CLASSES).optimizer(Optimizer.sgd(0.3));
            case "batch norm with dropout after it, momentum" -> Network.input(FEATURES).dense(16, Activation.RELU)
                    .batchNorm().dropout(0.3).dense(16, Activation.TANH).softmax(CLASSES)
                    .optimizer(Optimizer.sgd(0.1).momentum(0.9));
            case "skip connections, SGD" -> Network.input(FEATURES).dense(16, Activation.SIGMOID)
                    .residual(3, 16, Activation.SIGMOID).softmax(CLASSES).optimizer(Optimizer.sgd(0.5));
            case "skip connections, Adam" -> Network.input(FEATURES).dense(16, Activation.RELU)
                    .residual(2, 16, Activation.RELU).softmax(CLASSES).optimizer(Optimizer.adam(0.01));
            case "skip connections with batch norm, SGD" -> Network.input(FEATURES).dense(16, Activation.SIGMOID)
                    .residual(16, Activation.SIGMOID).batchNorm().residual(16, Activation.SIGMOID).batchNorm()
                    .softmax(CLASSES).optimizer(Optimizer.sgd(0.5));
            case "skip connections with batch norm, RMSProp" -> Network.input(FEATURES).dense(16, Activation.RELU)
                    .batchNorm().residual(16, Activation.RELU).batchNorm().softmax(CLASSES)
                    .optimizer(Optimizer.rmsprop(0.01));
            default -> throw new IllegalArgumentException(name);
        };
        assertTrainsLikeDl4j(builder.seed(13), 20, "c");
        assertTrainsLikeDl4j(builder.seed(14), 30, "f");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"maxout, SGD", "maxout of 3 pieces, Adam", "maxout with dropout, momentum",
        "maxout then ReLU, MSE", "PReLU, SGD", "PReLU, Adam with L2", "PReLU with batch norm, RMSProp",
        "PReLU after maxout, SGD"})
    void maxoutAndParametricReluTrainLikeDl4jsFit(String name) {
        NetworkBuilder builder = switch (name) {
            case "maxout, SGD" -> Network.input(FEATURES).maxout(2, 16, 2).softmax(CLASSES)
                    .optimizer(Optimizer.sgd(0.3));
            case "maxout of 3 pieces, Adam" -> Network.input(FEATURES).maxout(16, 3).maxout(8, 3).softmax(CLASSES)
                    .optimizer(Optimizer.adam(0.01));
            case "maxout with dropout, momentum" -> Network.input(FEATURES).dropout(0.2).maxout(16, 2).dropout(0.3)
                    .maxout(16, 2).softmax(CLASSES).optimizer(Optimizer.sgd(0.1).momentum(0.9));
            case "maxout then ReLU, MSE" -> Network.input(FEATURES).maxout(16, 2).dense(12, Activation.RELU)
                    .softmax(CLASSES).loss(Loss.MSE).optimizer(Optimizer.sgd(0.5));
            case "PReLU, SGD" -> Network.input(FEATURES).hidden(2, 16, Activation.PRELU).softmax(CLASSES)
                    .optimizer(Optimizer.sgd(0.3));
            case "PReLU, Adam with L2" -> Network.input(FEATURES).hidden(2, 16, Activation.PRELU).softmax(CLASSES)
                    .optimizer(Optimizer.adam(0.01)).l2(1e-3);
            case "PReLU with batch norm, RMSProp" -> Network.input(FEATURES).dense(16, Activation.PRELU).batchNorm()
                    .dense(16, Activation.PRELU).softmax(CLASSES).optimizer(Optimizer.rmsprop(0.01));
            case "PReLU after maxout, SGD" -> Network.input(FEATURES).maxout(16, 2).dense(16, Activation.PRELU)
                    .softmax(CLASSES).optimizer(Optimizer.sgd(0.3));
            default -> throw new IllegalArgumentException(name);
        };
        assertTrainsLikeDl4j(builder.seed(21), 20, "c");
        assertTrainsLikeDl4j(builder.seed(22), 30, "f");
    }

    @Test
    void parametricReluLearnsItsSlopes() {
        MultiLayerNetwork model = Network.input(FEATURES).dense(16, Activation.PRELU).softmax(CLASSES)
                .optimizer(Optimizer.sgd(0.5)).seed(3).build().model();
        INDArray before = model.getLayer(1).getParam("W").dup();
        assertEquals(0.25, before.meanNumber().doubleValue(), 1e-6, "every slope starts at 0.25");
        DenseStep step = DenseStep.forModel(model);
        assertNotNull(step, "a PReLU network takes the step");
        INDArray x = Nd4j.rand(DataType.FLOAT, ROWS, FEATURES).subi(0.5).muli(4);
        INDArray y = oneHot(ROWS, new Random(5));
        for (int i = 0; i < 20; i++) {
            step.fit(x, y);
        }
        step.close();
        double moved = model.getLayer(1).getParam("W").sub(before).amaxNumber().doubleValue();
        assertTrue(moved > 1e-3, "the slopes did not move: largest change " + moved);
    }

    @Test
    void networksItDoesNotComputeGoThroughDl4j() {
        assertNull(DenseStep.forModel(dl4jNetwork(new AdaMax(0.01), GradientNormalization.None)), "AdaMax");
        assertNull(DenseStep.forModel(dl4jNetwork(new Sgd(0.1), GradientNormalization.ClipL2PerLayer)),
                "gradient clipping");
        assertNotNull(DenseStep.forModel(dl4jNetwork(new Sgd(0.1), GradientNormalization.None)), "plain SGD");
    }

    private static MultiLayerNetwork dl4jNetwork(IUpdater updater, GradientNormalization normalization) {
        MultiLayerNetwork model = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).updater(updater)
                .dataType(DataType.FLOAT).gradientNormalization(normalization).list()
                .layer(new DenseLayer.Builder().nIn(FEATURES).nOut(8).activation(org.nd4j.linalg.activations.Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(CLASSES)
                        .activation(org.nd4j.linalg.activations.Activation.SOFTMAX).build())
                .build());
        model.init();
        return model;
    }
}
