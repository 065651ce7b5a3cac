package org.dltips.train;

import org.dltips.data.Dataset;
import org.dltips.model.Activation;
import org.dltips.model.Loss;
import org.dltips.model.Network;
import org.dltips.model.Optimizer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Our trainer against a DL4J network written by hand with the same seed, micrograd-versus-PyTorch style. */
class RawDl4jComparisonTest {

    private static MultiLayerNetwork rawNetwork(LossFunctions.LossFunction loss) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(42).dataType(DataType.FLOAT).updater(new Sgd(0.1)).weightInit(WeightInit.XAVIER_UNIFORM)
                .list()
                .layer(new DenseLayer.Builder().nIn(6).nOut(12).activation(org.nd4j.linalg.activations.Activation.SIGMOID).build())
                .layer(new DenseLayer.Builder().nIn(12).nOut(12).activation(org.nd4j.linalg.activations.Activation.SIGMOID).build())
                .layer(new OutputLayer.Builder(loss).nIn(12).nOut(3)
                        .activation(org.nd4j.linalg.activations.Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork model = new MultiLayerNetwork(conf);
        model.init();
        return model;
    }

    private static Network ours(Loss loss) {
        return Network.input(6).hidden(2, 12, Activation.SIGMOID).softmax(3).loss(loss)
                .optimizer(Optimizer.sgd(0.1)).seed(42).build();
    }

    @Test
    void sameSeedSameInitialWeights() {
        assertEquals(rawNetwork(LossFunctions.LossFunction.MCXENT).params(), ours(Loss.CROSS_ENTROPY).model().params());
    }

    @Test
    void unshuffledMiniBatchTrainingFollowsTheSameLossCurve() {
        Dataset train = Synthetic.blobs(120, 6, 3, 1);
        MultiLayerNetwork raw = rawNetwork(LossFunctions.LossFunction.MSE);
        Network net = ours(Loss.MSE);
        History history = net.fit(train, train, Fit.epochs(4).batchSize(25).shuffle(false).quiet());
        for (int epoch = 0; epoch < 4; epoch++) {
            for (int from = 0; from < 120; from += 25) {
                int to = Math.min(120, from + 25);
                raw.fit(new DataSet(rows(train.features(), from, to), rows(train.oneHot(), from, to)));
            }
            double rawLoss = raw.score(new DataSet(train.features(), train.oneHot()), false);
            assertEquals(rawLoss, history.epochs().get(epoch).trainLoss(), 1e-5, "training loss after epoch " + (epoch + 1));
            assertEquals(rawLoss, history.epochs().get(epoch).validationLoss(), 1e-5);
        }
        assertArrayEquals(raw.params().toFloatVector(), net.model().params().toFloatVector(), 1e-5f);
    }

    @Test
    void shufflingKeepsRowsAndLabelsTogether() {
        // With one batch per epoch the order of the rows cannot change the mean gradient, so a shuffled
        // full-batch run must match an unshuffled raw one; a row/label mix-up would not.
        Dataset train = Synthetic.blobs(90, 6, 3, 2);
        MultiLayerNetwork raw = rawNetwork(LossFunctions.LossFunction.MCXENT);
        Network net = ours(Loss.CROSS_ENTROPY);
        History history = net.fit(train, null, Fit.epochs(5).batchSize(90).quiet());
        for (int epoch = 0; epoch < 5; epoch++) {
            raw.fit(new DataSet(train.features(), train.oneHot()));
            assertEquals(raw.score(new DataSet(train.features(), train.oneHot()), false),
                    history.epochs().get(epoch).trainLoss(), 1e-4);
        }
        assertArrayEquals(raw.params().toFloatVector(), net.model().params().toFloatVector(), 1e-4f);
    }

    private static INDArray rows(INDArray matrix, int from, int to) {
        return matrix.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup();
    }
}
