package org.dltips.train.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dltips.model.Activation;
import org.dltips.model.Loss;
import org.dltips.model.Network;
import org.dltips.model.NetworkBuilder;
import org.dltips.model.Optimizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The BLAS inference pass must give what DL4J's own {@code output(x, false)} gives, for every chunk. */
class DenseForwardTest {

    private static final int FEATURES = 12;
    private static final int CLASSES = 4;

    @ParameterizedTest(name = "{0} hidden, {1}, dropout {2}, features in {3} order")
    @CsvSource({"RELU, CROSS_ENTROPY, 0, c", "SIGMOID, MSE, 0, f", "TANH, CROSS_ENTROPY, 0.5, c",
        "RELU, CROSS_ENTROPY, 0.5, strided"})
    void givesWhatDl4jsOutputGives(Activation activation, Loss loss, double dropout, String layout) {
        NetworkBuilder builder = Network.input(FEATURES).hidden(2, 16, activation, dropout).softmax(CLASSES)
                .loss(loss).optimizer(Optimizer.adam(0.01)).seed(5);
        MultiLayerNetwork model = builder.build().model();
        boolean strided = layout.equals("strided");
        INDArray wide = Nd4j.rand(DataType.FLOAT, 50, strided ? 2 * FEATURES : FEATURES).dup(strided ? 'c' : layout.charAt(0));
        INDArray x = wide.get(NDArrayIndex.all(), strided ? NDArrayIndex.interval(0, 2, 2 * FEATURES) : NDArrayIndex.all());
        INDArray y = Nd4j.zeros(DataType.FLOAT, 50, CLASSES);
        for (int i = 0; i < 50; i++) {
            y.putScalar(i, i % CLASSES, 1.0);
        }
        model.fit(x.dup('c'), y); // weights away from their initial values, Adam state and all
        try (DenseForward forward = DenseForward.forModel(model, 20)) {
            assertNotNull(forward, "a dense network gets the pass");
            for (int from = 0; from < 50; from += 20) { // chunks of 20, 20 and 10 rows
                INDArray chunk = wide.get(NDArrayIndex.interval(from, Math.min(50, from + 20)),
                        strided ? NDArrayIndex.interval(0, 2, 2 * FEATURES) : NDArrayIndex.all());
                INDArray expected = model.output(chunk, false);
                INDArray ours = forward.output(chunk);
                assertEquals(expected.rows(), ours.rows(), "rows of the chunk at " + from);
                double gap = expected.sub(ours).amaxNumber().doubleValue();
                assertTrue(gap < 1e-5, "outputs differ from DL4J's by " + gap + " in the chunk at " + from);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"batch norm", "skip connections", "skip connections with batch norm", "maxout",
        "PReLU with batch norm"})
    void batchNormalizationAndSkipConnectionsGiveWhatDl4jsOutputGives(String name) {
        NetworkBuilder builder = switch (name) {
            case "batch norm" -> Network.input(FEATURES).dense(16, Activation.RELU).batchNorm()
                    .dense(16, Activation.SIGMOID).batchNorm();
            case "skip connections" -> Network.input(FEATURES).dense(16, Activation.SIGMOID)
                    .residual(2, 16, Activation.SIGMOID);
            case "skip connections with batch norm" -> Network.input(FEATURES).dense(16, Activation.RELU)
                    .residual(16, Activation.RELU).batchNorm().residual(16, Activation.RELU).batchNorm();
            case "maxout" -> Network.input(FEATURES).maxout(16, 3).maxout(16, 2);
            case "PReLU with batch norm" -> Network.input(FEATURES).dense(16, Activation.PRELU).batchNorm()
                    .dense(16, Activation.PRELU);
            default -> throw new IllegalArgumentException(name);
        };
        MultiLayerNetwork model = builder.softmax(CLASSES).optimizer(Optimizer.adam(0.05)).seed(9).build().model();
        INDArray x = Nd4j.rand(DataType.FLOAT, 60, FEATURES).muli(3).subi(1);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 60, CLASSES);
        for (int i = 0; i < 60; i++) {
            y.putScalar(i, i % CLASSES, 1.0);
        }
        for (int batch = 0; batch < 30; batch++) { // running statistics well away from their start (0 and 1)
            int from = batch % 3 * 20;
            model.fit(x.get(NDArrayIndex.interval(from, from + 20), NDArrayIndex.all()),
                    y.get(NDArrayIndex.interval(from, from + 20), NDArrayIndex.all()));
        }
        try (DenseForward forward = DenseForward.forModel(model, 25)) {
            assertNotNull(forward, name + " gets the pass");
            for (int from = 0; from < 60; from += 25) { // chunks of 25, 25 and 10 rows
                INDArray chunk = x.get(NDArrayIndex.interval(from, Math.min(60, from + 25)), NDArrayIndex.all());
                INDArray expected = model.output(chunk, false);
                double gap = expected.sub(forward.output(chunk)).amaxNumber().doubleValue();
                assertTrue(gap < 1e-5, "outputs differ from DL4J's by " + gap + " in the chunk at " + from);
            }
        }
    }

    @Test
    void followsTheWeightsAsTheyTrain() {
        MultiLayerNetwork model = Network.input(FEATURES).hidden(1, 8, Activation.RELU).softmax(CLASSES)
                .optimizer(Optimizer.sgd(0.5)).seed(2).build().model();
        INDArray x = Nd4j.rand(DataType.FLOAT, 10, FEATURES);
        try (DenseForward forward = DenseForward.forModel(model, 10)) {
            INDArray before = forward.output(x).dup();
            model.fit(x, Nd4j.eye(10).get(NDArrayIndex.all(), NDArrayIndex.interval(0, CLASSES)).castTo(DataType.FLOAT));
            INDArray after = forward.output(x);
            assertTrue(after.sub(before).amaxNumber().doubleValue() > 1e-4, "the pass sees the trained weights");
            assertTrue(model.output(x, false).sub(after).amaxNumber().doubleValue() < 1e-5, "and matches DL4J");
        }
    }

    @Test
    void refusesWhatItDoesNotCompute() {
        MultiLayerNetwork layerNorm = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nIn(FEATURES).nOut(8).hasLayerNorm(true).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(CLASSES)
                        .activation(org.nd4j.linalg.activations.Activation.SOFTMAX).build())
                .build());
        layerNorm.init();
        assertNull(DenseForward.forModel(layerNorm, 10), "layer normalization");
        MultiLayerNetwork dense = Network.input(FEATURES).hidden(1, 8, Activation.RELU).softmax(CLASSES).build().model();
        try (DenseForward forward = DenseForward.forModel(dense, 10)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> forward.output(Nd4j.rand(DataType.FLOAT, 11, FEATURES)));
            assertEquals("a chunk of 11 rows is larger than the 10 this pass was made for", e.getMessage());
        }
    }
}
