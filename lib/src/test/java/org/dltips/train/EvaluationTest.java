package org.dltips.train;

import org.dltips.data.Dataset;
import org.dltips.model.Activation;
import org.dltips.model.Network;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationTest {

    /** A network whose output ignores the input and always favours {@code favourite}. */
    private static Network alwaysPredicts(int favourite) {
        Network net = Network.input(4).dense(3, Activation.RELU).softmax(10).build();
        net.model().getLayer(1).setParam("W", Nd4j.zeros(DataType.FLOAT, 3, 10));
        float[] bias = new float[10];
        bias[favourite] = 5;
        net.model().getLayer(1).setParam("b", Nd4j.create(bias, new long[] {1, 10}, DataType.FLOAT));
        return net;
    }

    @Test
    void aNetworkThatAnswersOneClassIsFlaggedWithTheLecturesWording() {
        Dataset data = Synthetic.blobs(50, 4, 10, 1);
        Evaluation e = alwaysPredicts(1).evaluate(data);
        assertEquals(Optional.of("predicts 1 for 100% of inputs: training failed"), e.failureWarning());
        assertEquals(0.1, e.accuracy(), 1e-12, "right exactly for the examples of class 1");
        assertEquals(1.0, e.predictionShare()[1], 1e-12);
        assertEquals("accuracy 0.1000, loss " + String.format(java.util.Locale.ROOT, "%.4f", e.loss())
                + " on 50 examples\npredicts 1 for 100% of inputs: training failed", e.toString());
        assertTrue(e.mimeBundle().get("text/html").contains("predicts 1 for 100% of inputs: training failed"));
    }

    @Test
    void warningRoundsTheShareAsPercent() {
        // 49 of 50 examples are class 7 (the share the failed network would get right); prediction share 100%.
        int[] labels = new int[50];
        Arrays.fill(labels, 7);
        labels[0] = 3;
        Dataset data = new Dataset(new float[200], labels, 4, 10);
        Evaluation e = alwaysPredicts(7).evaluate(data);
        assertEquals(0.98, e.accuracy(), 1e-12);
        assertEquals("predicts 7 for 100% of inputs: training failed", e.failureWarning().orElseThrow());
    }

    @Test
    void aTrainedNetworkHasAConfusionMatrixAndNoWarning() {
        Dataset train = Synthetic.blobs(300, 8, 3, 1);
        Network net = Synthetic.builder(8, 3).build();
        net.fit(train, Fit.epochs(5).batchSize(20).quiet());
        Evaluation e = net.evaluate(Synthetic.blobs(90, 8, 3, 5));
        assertEquals(Optional.empty(), e.failureWarning());
        int[][] confusion = e.confusion();
        int total = 0;
        int diagonal = 0;
        for (int r = 0; r < 3; r++) {
            assertEquals(30, Arrays.stream(confusion[r]).sum(), "row " + r + " counts the examples of class " + r);
            total += Arrays.stream(confusion[r]).sum();
            diagonal += confusion[r][r];
        }
        assertEquals(90, total);
        assertEquals(e.accuracy(), diagonal / 90.0, 1e-12);
        assertEquals(1.0, Arrays.stream(e.predictionShare()).sum(), 1e-9);
        assertEquals(net.history().last().trainLoss(), net.evaluate(train).loss(), 1e-9,
                "the history's training loss is an evaluation after the epoch");
    }

    @Test
    void lossMatchesDl4jScoreForBothLosses() {
        Dataset data = Synthetic.blobs(60, 8, 3, 2);
        for (org.dltips.model.Loss loss : org.dltips.model.Loss.values()) {
            Network net = Synthetic.builder(8, 3).loss(loss).build();
            double dl4j = net.model().score(new org.nd4j.linalg.dataset.DataSet(data.features(), data.oneHot()), false);
            assertEquals(dl4j, net.evaluate(data).loss(), 1e-5, loss.name());
        }
    }
}
