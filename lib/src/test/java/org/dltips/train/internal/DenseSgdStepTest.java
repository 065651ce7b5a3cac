package org.dltips.train.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The hand-written step must train exactly like DL4J's own fit: same losses, same weights after every batch. */
class DenseSgdStepTest {

    private static final int ROWS = 90;
    private static final int FEATURES = 12;
    private static final int CLASSES = 4;

    @ParameterizedTest(name = "{0} hidden, {1}, rate {2}, batch {3}, features in {4} order")
    @CsvSource({"SIGMOID, MSE, 0.5, 32, c", "RELU, CROSS_ENTROPY, 0.1, 25, c", "TANH, CROSS_ENTROPY, 0.3, 90, c",
        "SIGMOID, CROSS_ENTROPY, 0.5, 1, c", "RELU, MSE, 0.2, 30, f", "RELU, CROSS_ENTROPY, 0.1, 20, strided"})
    void trainsLikeDl4jsFit(Activation activation, Loss loss, double rate, int batch, String layout) {
        NetworkBuilder builder = Network.input(FEATURES).hidden(2, 16, activation).softmax(CLASSES).loss(loss)
                .optimizer(Optimizer.sgd(rate)).seed(7);
        MultiLayerNetwork ours = builder.build().model();
        MultiLayerNetwork dl4j = builder.build().model();
        assertEquals(dl4j.params(), ours.params(), "both start from the same weights");
        DenseSgdStep step = DenseSgdStep.forModel(ours);
        assertNotNull(step, "a plain SGD dense network takes the step");

        Random random = new Random(3);
        boolean strided = layout.equals("strided"); // every other column of a wider array: no layout BLAS reads
        INDArray x = Nd4j.rand(DataType.FLOAT, ROWS, strided ? 2 * FEATURES : FEATURES).dup(strided ? 'c' : layout.charAt(0));
        INDArray y = Nd4j.zeros(DataType.FLOAT, ROWS, CLASSES);
        for (int i = 0; i < ROWS; i++) {
            y.putScalar(i, random.nextInt(CLASSES), 1.0);
        }
        for (int epoch = 0; epoch < 3; epoch++) {
            for (int from = 0; from < ROWS; from += batch) {
                int to = Math.min(ROWS, from + batch);
                INDArray xb = x.get(NDArrayIndex.interval(from, to),
                        strided ? NDArrayIndex.interval(0, 2, 2 * FEATURES) : NDArrayIndex.all());
                INDArray yb = y.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
                INDArray expectedClasses = dl4j.output(xb, true).argMax(1);
                double ourLoss = step.fit(xb, yb);
                dl4j.fit(xb, yb);
                assertEquals(dl4j.score(), ourLoss, 1e-5 * Math.max(1, Math.abs(ourLoss)), "loss of the batch");
                assertArrayEquals(expectedClasses.toIntVector(), step.predictions(), "predicted classes");
                double gap = dl4j.params().sub(ours.params()).amaxNumber().doubleValue();
                assertTrue(gap < 1e-5, "weights drifted from DL4J's by " + gap + " in epoch " + epoch + " at row " + from);
            }
        }
        assertTrue(ours.params().sub(builder.build().model().params()).amaxNumber().doubleValue() > 1e-3,
                "training moved the weights");
    }

    @Test
    void networksItDoesNotComputeGoThroughDl4j() {
        NetworkBuilder base = Network.input(FEATURES).hidden(2, 16, Activation.RELU).softmax(CLASSES).seed(1);
        assertNull(DenseSgdStep.forModel(base.optimizer(Optimizer.adam(0.001)).build().model()), "Adam");
        assertNull(DenseSgdStep.forModel(base.optimizer(Optimizer.sgd(0.1)).l2(1e-4).build().model()), "L2");
        assertNull(DenseSgdStep.forModel(Network.input(FEATURES).hidden(2, 16, Activation.RELU, 0.5).softmax(CLASSES)
                .optimizer(Optimizer.sgd(0.1)).build().model()), "dropout");
        assertNull(DenseSgdStep.forModel(Network.input(FEATURES).dense(16, Activation.RELU).batchNorm().softmax(CLASSES)
                .optimizer(Optimizer.sgd(0.1)).build().model()), "batch normalization");
        assertNotNull(DenseSgdStep.forModel(base.optimizer(Optimizer.sgd(0.1)).build().model()), "plain SGD");
    }
}
