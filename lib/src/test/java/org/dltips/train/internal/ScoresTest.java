package org.dltips.train.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dltips.model.Activation;
import org.dltips.model.Loss;
import org.dltips.model.Network;
import org.dltips.model.Optimizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loss, accuracy and predictions on a set larger than one chunk, against DL4J's own: the network's output, its
 * argMax and its score without regularization.
 */
class ScoresTest {

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"SIGMOID, MSE", "RELU, CROSS_ENTROPY", "TANH, CROSS_ENTROPY"})
    void agreeWithDl4j(Activation activation, Loss loss) {
        MultiLayerNetwork model = Network.input(12).hidden(2, 16, activation).softmax(4).loss(loss)
                .optimizer(Optimizer.sgd(0.1)).seed(7).build().model();
        int n = 5000; // two chunks and a part
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.FLOAT, n, 12);
        int[] labels = new int[n];
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, 4);
        for (int i = 0; i < n; i++) {
            labels[i] = (i * 7 + i / 3) % 4;
            y.putScalar(i, labels[i], 1.0);
        }
        model.fit(x, y); // away from the initial weights
        Scores scores = Scores.of(model, loss, x, y, labels);
        INDArray output = model.output(x, false);
        int[] expected = output.argMax(1).toIntVector();
        assertArrayEquals(expected, scores.predictions());
        long right = 0;
        for (int i = 0; i < n; i++) {
            right += expected[i] == labels[i] ? 1 : 0;
        }
        assertEquals((double) right / n, scores.accuracy(), 1e-12);
        double dl4jLoss = model.score(new DataSet(x, y), false);
        assertEquals(dl4jLoss, scores.loss(), 1e-5 * Math.max(1, dl4jLoss));
    }
}
