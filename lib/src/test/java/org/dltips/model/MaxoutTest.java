package org.dltips.model;

import org.dltips.data.Dataset;
import org.dltips.model.internal.MaxoutGroupsLayer;
import org.dltips.train.Fit;
import org.dltips.train.Synthetic;
import org.deeplearning4j.nn.conf.layers.PReLULayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaxoutTest {

    private final Dataset train = Synthetic.blobs(300, 8, 3, 1);

    @Test
    void eachUnitOutputsTheLargestOfItsPieces() {
        Network net = Network.input(8).maxout(5, 3).softmax(3).seed(4).build();
        MultiLayerNetwork model = net.model();
        INDArray x = train.features();
        INDArray z = x.mmul(model.getLayer(0).getParam("W")).addRowVector(model.getLayer(0).getParam("b"));
        INDArray a = model.feedForward(x, false).get(2);
        assertArrayEquals(new long[] {x.rows(), 5}, a.shape(), "one output per unit");
        for (int r = 0; r < x.rows(); r++) {
            for (int j = 0; j < 5; j++) {
                double max = Math.max(z.getDouble(r, j), Math.max(z.getDouble(r, 5 + j), z.getDouble(r, 10 + j)));
                assertEquals(max, a.getDouble(r, j), 1e-6, "row " + r + ", unit " + j);
            }
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        FiniteDifferences.assertGradientsMatch(Network.input(8).maxout(6, 2).maxout(4, 3).softmax(3).seed(2), train.first(12));
        FiniteDifferences.assertGradientsMatch(Network.input(8).maxout(5, 4).softmax(3).loss(Loss.MSE).seed(3), train.first(12));
        FiniteDifferences.assertGradientsMatch(Network.input(8).dense(6, Activation.PRELU).maxout(4, 2)
                .dense(5, Activation.PRELU).softmax(3).seed(5), train.first(12));
    }

    @Test
    void saveAndLoadKeepMaxoutAndTheLearnedSlopes(@TempDir Path dir) {
        Network net = Network.input(8).maxout(6, 3).dense(5, Activation.PRELU).softmax(3).seed(6).build();
        net.fit(train, Fit.epochs(2).batchSize(20).quiet());
        net.save(dir.resolve("maxout.zip"));
        Network loaded = Network.load(dir.resolve("maxout.zip"));
        assertInstanceOf(MaxoutGroupsLayer.class, loaded.model().getLayer(1));
        assertInstanceOf(PReLULayer.class, loaded.model().getLayer(3).conf().getLayer());
        assertEquals(net.model().getLayerWiseConfigurations().toJson(), loaded.model().getLayerWiseConfigurations().toJson());
        assertEquals(net.output(train.features()), loaded.output(train.features()));
        assertEquals(1, net.preluSlopes().size(), "one PReLU layer");
        assertArrayEquals(net.preluSlopes().get(0), loaded.preluSlopes().get(0), 0.0);
        double moved = java.util.Arrays.stream(net.preluSlopes().get(0)).map(a -> Math.abs(a - 0.25)).max().orElse(0);
        assertTrue(moved > 1e-4, "training moved the slopes from their start of 0.25");
        assertTrue(Network.input(8).dense(5, Activation.RELU).softmax(3).build().preluSlopes().isEmpty());
    }

    @Test
    void describesItselfAndNamesItsLayers() {
        NetworkBuilder builder = Network.input(784).maxout(689, 2).dense(100, Activation.PRELU).softmax(10);
        assertEquals("784 - 689 maxout x2 - 100 prelu - softmax 10, cross-entropy, SGD(0.1), seed 1", builder.toString());
        Network net = builder.build();
        assertEquals(784L * 689 * 2 + 689 * 2 + 689 * 100 + 100 + 100 + 100 * 10 + 10, net.parameterCount(),
                "maxout has a weight matrix per piece; PReLU one slope per unit");
        List<String> names = net.gradients(Synthetic.blobs(20, 784, 10, 2), 10).stream()
                .map(LayerGradient::layer).toList();
        assertEquals(List.of("hidden 1 (689 maxout x2)", "hidden 2 (100 prelu)", "output (10 softmax)"), names);
    }

    @Test
    void errorsSayWhatWasWrongAndHowToFixIt() {
        NetworkBuilder base = Network.input(8);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> base.maxout(5, 1)).getMessage()
                .contains("2 or more pieces per unit, e.g. maxout(689, 2)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> base.maxout(0, 2)).getMessage()
                .contains("got 0 units of 2 pieces"));
        assertTrue(assertThrows(IllegalStateException.class, () -> base.maxout(5, 2).batchNorm()).getMessage()
                .contains("batchNorm() after maxout(...) is not supported"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> base.residual(8, Activation.PRELU)).getMessage()
                .contains("use residual(8, Activation.LEAKY_RELU) or dense(8, Activation.PRELU)"));
        assertTrue(assertThrows(IllegalStateException.class, () -> base.softmax(3).maxout(5, 2)).getMessage()
                .contains("maxout(...) comes after softmax(3)"));
        assertTrue(assertThrows(IllegalStateException.class, Activation.PRELU::toDl4j).getMessage()
                .contains("PReLULayer"));
    }
}
