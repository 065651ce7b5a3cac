package org.dltips.model;

import org.dltips.data.Dataset;
import org.dltips.train.Fit;
import org.dltips.train.Synthetic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkTest {

    private final Dataset train = Synthetic.blobs(200, 8, 3, 1);

    @Test
    void saveAndLoadRoundTripWithOwnUpdaterAndSchedule(@TempDir Path dir) {
        Network net = Network.input(8).dense(10, Activation.TANH).dropout(0.2).dense(10, Activation.RELU).batchNorm()
                .softmax(3).loss(Loss.MSE).optimizer(Optimizer.sgd(0.05).momentum(0.9).schedule(Schedule.warmupThenDecay(5, 0.9)))
                .seed(11).build();
        net.fit(train, Fit.epochs(2).batchSize(20).quiet());
        Path file = dir.resolve("sub/net.zip");
        net.save(file);
        Network loaded = Network.load(file);
        assertEquals(Loss.MSE, loaded.loss());
        assertEquals(11, loaded.seed());
        assertEquals(net.output(train.features()), loaded.output(train.features()));
        assertEquals(net.model().getLayerWiseConfigurations().toJson(), loaded.model().getLayerWiseConfigurations().toJson());
        assertArrayEquals(net.model().getUpdater().getStateViewArray().toFloatVector(),
                loaded.model().getUpdater().getStateViewArray().toFloatVector(), "momentum state is saved too");
    }

    @Test
    void aLoadedNetworkContinuesTrainingExactlyLikeTheOriginal(@TempDir Path dir) {
        // no dropout here: dropout masks come from ND4J's global random generator, which is not saved
        Network net = Network.input(8).dense(10, Activation.RELU).batchNorm().softmax(3)
                .optimizer(Optimizer.sgd(0.05).momentum(0.9).schedule(Schedule.exponential(0.8))).build();
        net.fit(train, Fit.epochs(2).batchSize(20).quiet());
        net.save(dir.resolve("net.zip"));
        Network loaded = Network.load(dir.resolve("net.zip"));
        assertEquals(2, loaded.model().getEpochCount());
        net.fit(train, Fit.epochs(1).batchSize(20).shuffle(false).quiet());
        loaded.fit(train, Fit.epochs(1).batchSize(20).shuffle(false).quiet());
        assertArrayEquals(net.model().params().toFloatVector(), loaded.model().params().toFloatVector(), 1e-6f);
    }

    @Test
    void loadingAMissingFileSaysWhatWasExpected(@TempDir Path dir) {
        Path missing = dir.resolve("nothing.zip");
        assertEquals("no saved network at " + missing.toAbsolutePath() + "; expected a file written by net.save(path)",
                assertThrows(IllegalArgumentException.class, () -> Network.load(missing)).getMessage());
    }

    @Test
    void gradientsVanishTowardsTheInputOfADeepSigmoidNetwork() {
        Network deep = Network.input(8).hidden(8, 32, Activation.SIGMOID).softmax(3).build();
        List<LayerGradient> gradients = deep.gradients(train, 100);
        assertEquals(9, gradients.size());
        assertEquals("hidden 1 (32 sigmoid)", gradients.get(0).layer());
        assertEquals("output (3 softmax)", gradients.get(8).layer());
        assertTrue(gradients.get(0).meanAbsGradient() * 10 < gradients.get(7).meanAbsGradient(),
                "first layer gets far less gradient than the last hidden one: " + gradients);
        List<LayerGradient> relu = Network.input(8).hidden(8, 32, Activation.RELU).softmax(3).init(Init.KAIMING).build()
                .gradients(train, 100);
        assertTrue(relu.get(0).meanAbsGradient() * 10 > relu.get(7).meanAbsGradient(), relu.toString());
    }

    @Test
    void gradientsMatchDl4jAndLeaveTheWeightsAlone() {
        Network net = Synthetic.builder(8, 3).build();
        var before = net.model().params().dup();
        List<LayerGradient> gradients = net.gradients(train, 50);
        assertEquals(before, net.model().params());
        var x = train.features().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 50), org.nd4j.linalg.indexing.NDArrayIndex.all());
        var y = train.oneHot().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 50), org.nd4j.linalg.indexing.NDArrayIndex.all());
        net.model().setInput(x);
        net.model().setLabels(y);
        net.model().computeGradientAndScore();
        double expected = net.model().gradient().getGradientFor("0_W").amean().getDouble(0);
        assertEquals(expected, gradients.get(0).meanAbsGradient(), 1e-7);
    }

    @Test
    void activationStatisticsPerHiddenLayer() {
        Network net = Network.input(8).dense(20, Activation.SIGMOID).dense(20, Activation.RELU).batchNorm().softmax(3).build();
        List<LayerActivation> stats = net.activations(train);
        assertEquals(2, stats.size());
        assertEquals("hidden 2 (20 relu)", stats.get(1).layer());
        double mean = net.model().feedForward(train.features(), false).get(1).meanNumber().doubleValue();
        assertEquals(mean, stats.get(0).mean(), 1e-6);
        assertTrue(stats.get(1).fractionSaturated() > 0.2 && stats.get(1).fractionSaturated() < 0.8,
                "after batch norm about half of the ReLU outputs are zero: " + stats.get(1));
        Network saturated = Network.input(8).dense(20, Activation.SIGMOID).softmax(3).init(Init.normal(20)).build();
        assertTrue(saturated.activations(train).get(0).fractionSaturated() > 0.8, "huge weights saturate sigmoid");
    }
}
