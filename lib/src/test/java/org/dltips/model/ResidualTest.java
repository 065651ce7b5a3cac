package org.dltips.model;

import org.dltips.data.Dataset;
import org.dltips.model.internal.ResidualDense;
import org.dltips.model.internal.ResidualDenseLayer;
import org.dltips.train.Fit;
import org.dltips.train.Synthetic;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResidualTest {

    private final Dataset train = Synthetic.blobs(300, 8, 3, 1);

    private INDArray rows(INDArray a, int n) {
        return a.get(NDArrayIndex.interval(0, n), NDArrayIndex.all());
    }

    /** A residual layer with random (non-zero) weights AND biases, so a missing term shows. */
    private Network randomResidual(Activation activation) {
        Network net = Network.input(8).residual(8, activation).softmax(3).seed(5).build();
        net.model().getLayer(0).setParam("W", Nd4j.rand(DataType.FLOAT, 8, 8).subi(0.5));
        net.model().getLayer(0).setParam("b", Nd4j.rand(DataType.FLOAT, 1, 8).subi(0.5));
        return net;
    }

    private static double tanh(INDArray x, INDArray w, INDArray b, int i, int j) {
        double z = b.getDouble(j);
        for (int k = 0; k < x.columns(); k++) {
            z += x.getDouble(i, k) * w.getDouble(k, j);
        }
        return Math.tanh(z);
    }

    @Test
    void outputIsTheInputPlusTheActivationOfTheAffineMap() {
        Network net = randomResidual(Activation.TANH);
        INDArray w = net.model().getLayer(0).getParam("W");
        INDArray b = net.model().getLayer(0).getParam("b");
        INDArray x = rows(train.features(), 6);
        for (boolean training : new boolean[] {false, true}) {
            INDArray out = net.model().feedForward(x, training).get(1);
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 8; j++) {
                    assertEquals(x.getDouble(i, j) + tanh(x, w, b, i, j), out.getDouble(i, j), 1e-5,
                            "out[" + i + "][" + j + "] = x + tanh(x W + b), training " + training);
                }
            }
        }
        assertEquals(x, rows(train.features(), 6), "the input is not changed in place");
    }

    @Test
    void backwardPassesTheGradientThroughTheSkipAndTheBranch() {
        Network net = randomResidual(Activation.TANH);
        net.model().initGradientsView();
        ResidualDenseLayer layer = assertInstanceOf(ResidualDenseLayer.class, net.model().getLayer(0));
        INDArray w = layer.getParam("W").dup();
        INDArray b = layer.getParam("b").dup();
        INDArray x = rows(train.features(), 5).dup();
        INDArray e = Nd4j.rand(DataType.FLOAT, 5, 8).subi(0.5);
        INDArray eCopy = e.dup();
        LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
        layer.setInput(x, noWorkspaces);
        Pair<Gradient, INDArray> result = layer.backpropGradient(e, noWorkspaces);
        INDArray dx = result.getSecond();
        INDArray dw = result.getFirst().getGradientFor("W");
        INDArray db = result.getFirst().getGradientFor("b");
        double[][] delta = new double[5][8];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 8; j++) {
                double t = tanh(x, w, b, i, j);
                delta[i][j] = eCopy.getDouble(i, j) * (1 - t * t);
            }
        }
        for (int i = 0; i < 5; i++) {
            for (int k = 0; k < 8; k++) {
                double expected = eCopy.getDouble(i, k);
                for (int j = 0; j < 8; j++) {
                    expected += w.getDouble(k, j) * delta[i][j];
                }
                assertEquals(expected, dx.getDouble(i, k), 1e-5, "dL/dx[" + i + "][" + k + "] = e + W (e * tanh')");
            }
        }
        for (int j = 0; j < 8; j++) {
            double bias = 0;
            for (int i = 0; i < 5; i++) {
                bias += delta[i][j];
            }
            assertEquals(bias, db.getDouble(j), 1e-5, "dL/db: the skip path has no parameters");
            for (int k = 0; k < 8; k++) {
                double weight = 0;
                for (int i = 0; i < 5; i++) {
                    weight += x.getDouble(i, k) * delta[i][j];
                }
                assertEquals(weight, dw.getDouble(k, j), 1e-5, "dL/dW[" + k + "][" + j + "]");
            }
        }
    }

    @Test
    void gradientsOfEveryLayerMatchFiniteDifferences() {
        Dataset small = train.first(12);
        FiniteDifferences.assertGradientsMatch(Network.input(8).dense(6, Activation.TANH)
                .residual(3, 6, Activation.SIGMOID).softmax(3).seed(2), small);
        FiniteDifferences.assertGradientsMatch(Network.input(8).residual(8, Activation.TANH)
                .dense(5, Activation.SOFTPLUS).residual(5, Activation.TANH).softmax(3).loss(Loss.MSE).seed(3), small);
    }

    @Test
    void gradientsMatchFiniteDifferencesWithBatchNormalizationAfterTheSum() {
        FiniteDifferences.assertGradientsMatch(Network.input(8).dense(6, Activation.TANH).batchNorm()
                .residual(6, Activation.TANH).batchNorm().residual(6, Activation.SIGMOID).softmax(3).seed(4),
                train.first(12));
    }

    @Test
    void aDeepResidualSigmoidNetworkTrainsWhereThePlainOneIsStuck() {
        Fit fit = Fit.epochs(10).batchSize(20).quiet();
        Network plain = Network.input(8).dense(16, Activation.SIGMOID).hidden(20, 16, Activation.SIGMOID).softmax(3)
                .build();
        Network residual = Network.input(8).dense(16, Activation.SIGMOID).residual(20, 16, Activation.SIGMOID)
                .softmax(3).build();
        double plainAccuracy = plain.fit(train, fit).last().trainAccuracy();
        double residualAccuracy = residual.fit(train, fit).last().trainAccuracy();
        assertTrue(plainAccuracy < 0.5, "21 plain sigmoid layers stay near chance (1/3): " + plainAccuracy);
        assertTrue(residualAccuracy > 0.9, "with skip connections the same depth trains: " + residualAccuracy);
    }

    @Test
    void gradientsPerLayerKeepTheirSizeInAResidualStack() {
        List<LayerGradient> plain = Network.input(8).dense(16, Activation.SIGMOID).hidden(20, 16, Activation.SIGMOID)
                .softmax(3).build().gradients(train, 100);
        List<LayerGradient> residual = Network.input(8).dense(16, Activation.SIGMOID)
                .residual(20, 16, Activation.SIGMOID).softmax(3).build().gradients(train, 100);
        assertEquals(22, residual.size());
        assertEquals("hidden 1 (16 sigmoid)", residual.get(0).layer());
        assertEquals("hidden 2 (16 sigmoid, skip)", residual.get(1).layer());
        assertEquals("output (3 softmax)", residual.get(21).layer());
        double plainRatio = plain.get(20).meanAbsGradient() / plain.get(0).meanAbsGradient();
        double residualRatio = residual.get(20).meanAbsGradient() / residual.get(0).meanAbsGradient();
        assertTrue(plainRatio > 1e4, "plain: the last hidden layer gets far more gradient than the first: " + plainRatio);
        assertTrue(residualRatio < 100, "residual: the first layer still gets gradient: " + residualRatio);
    }

    @Test
    void saveAndLoadKeepTheSkipConnections(@TempDir Path dir) {
        Network net = Network.input(8).dense(10, Activation.RELU).residual(10, Activation.RELU).batchNorm()
                .residual(10, Activation.TANH).softmax(3).optimizer(Optimizer.sgd(0.05).momentum(0.9)).seed(9).build();
        net.fit(train, Fit.epochs(2).batchSize(20).quiet());
        net.save(dir.resolve("residual.zip"));
        Network loaded = Network.load(dir.resolve("residual.zip"));
        assertInstanceOf(ResidualDenseLayer.class, loaded.model().getLayer(1));
        assertInstanceOf(ResidualDenseLayer.class, loaded.model().getLayer(3));
        assertEquals(net.model().getLayerWiseConfigurations().toJson(), loaded.model().getLayerWiseConfigurations().toJson());
        assertEquals(net.output(train.features()), loaded.output(train.features()));
        net.fit(train, Fit.epochs(1).batchSize(20).shuffle(false).quiet());
        loaded.fit(train, Fit.epochs(1).batchSize(20).shuffle(false).quiet());
        assertArrayEquals(net.model().params().toFloatVector(), loaded.model().params().toFloatVector(), 1e-6f);
    }

    @Test
    void aResidualLayerIsConfiguredLikeADenseLayerApartFromItsClass() {
        MultiLayerConfiguration residual = Network.input(6).residual(6, Activation.RELU).softmax(2).l2(1e-4)
                .init(Init.KAIMING).configuration();
        MultiLayerConfiguration dense = Network.input(6).dense(6, Activation.RELU).softmax(2).l2(1e-4)
                .init(Init.KAIMING).configuration();
        assertEquals(dense.toJson(), residual.toJson().replace(ResidualDense.class.getName(), DenseLayer.class.getName()),
                "weights init, updater and penalties reach the residual layer as they reach a dense one");
        assertNotEquals(dense.getConf(0).getLayer(), residual.getConf(0).getLayer());
        assertNotEquals(residual.getConf(0).getLayer(), dense.getConf(0).getLayer());
    }

    @Test
    void batchNormAfterAResidualLayerNormalizesItsOutput() {
        MultiLayerConfiguration conf = Network.input(4).dense(6, Activation.TANH).residual(6, Activation.TANH)
                .batchNorm().softmax(2).configuration();
        assertInstanceOf(ResidualDense.class, conf.getConf(1).getLayer());
        assertEquals("tanh", ((ResidualDense) conf.getConf(1).getLayer()).getActivationFn().toString());
        assertInstanceOf(BatchNormalization.class, conf.getConf(2).getLayer());
        assertEquals(4, conf.getConfs().size());
    }

    @Test
    void describesItselfAndNamesItsLayers() {
        NetworkBuilder builder = Network.input(8).dense(6, Activation.SIGMOID).residual(2, 6, Activation.SIGMOID)
                .batchNorm().softmax(3);
        assertEquals("8 - 6 sigmoid - 6 sigmoid+skip - 6 sigmoid+skip+BN - softmax 3, cross-entropy, SGD(0.1), seed 1",
                builder.toString());
        Network net = builder.build();
        List<LayerActivation> activations = net.activations(train);
        assertEquals(3, activations.size());
        assertEquals("hidden 2 (6 sigmoid, skip)", activations.get(1).layer());
        assertEquals("hidden 3 (6 sigmoid, skip)", activations.get(2).layer());
        double mean = net.model().feedForward(train.features(), false).get(2).meanNumber().doubleValue();
        assertEquals(mean, activations.get(1).mean(), 1e-6, "statistics of the sum x + sigmoid(x W + b)");
        assertTrue(mean > activations.get(0).mean(), "adding a positive sigmoid output raises the mean");
        assertEquals(0.0, activations.get(1).fractionSaturated(), "a sum is not an activation: no saturation share");
    }

    @Test
    void errorsSayWhatWasWrongAndHowToFixIt() {
        assertEquals("residual(128, ...) follows a layer of 256 units; a skip connection adds the layer's input to its"
                        + " output, so both need the same width: use residual(256, ...) or put dense(128, ...) before it",
                assertThrows(IllegalArgumentException.class, () -> Network.input(784).dense(256, Activation.RELU)
                        .residual(128, Activation.RELU)).getMessage());
        assertEquals("residual(128, ...) follows 784 inputs; a skip connection adds the layer's input to its output,"
                        + " so both need the same width: use residual(784, ...) or put dense(128, ...) before it",
                assertThrows(IllegalArgumentException.class, () -> Network.input(784)
                        .residual(128, Activation.RELU)).getMessage());
        assertEquals("residual(8, ...) follows dropout(0.5); dropout before a residual layer is not supported,"
                        + " put it after the residual layers instead",
                assertThrows(IllegalStateException.class, () -> Network.input(4).dense(8, Activation.RELU).dropout(0.5)
                        .residual(8, Activation.RELU)).getMessage());
        assertEquals("residual got count 0; expected 1 or more layers, e.g. residual(20, 128, Activation.SIGMOID)",
                assertThrows(IllegalArgumentException.class, () -> Network.input(4)
                        .residual(0, 4, Activation.RELU)).getMessage());
        assertEquals("residual(...) comes after softmax(2); the output layer must be last, so move softmax(...) to the end",
                assertThrows(IllegalStateException.class, () -> Network.input(4).softmax(2)
                        .residual(4, Activation.RELU)).getMessage());
    }
}
