package org.dltips.model;

import org.dltips.data.Dataset;
import org.dltips.model.internal.Momentum;
import org.dltips.train.Fit;
import org.dltips.train.Synthetic;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.deeplearning4j.nn.conf.layers.BaseLayer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptimizerTest {

    private final Dataset train = Synthetic.blobs(100, 6, 3, 1);

    @Test
    void eachOptimizerMapsToItsDl4jUpdater() {
        assertInstanceOf(Sgd.class, Optimizer.sgd(0.1).toDl4j());
        assertInstanceOf(Momentum.class, Optimizer.sgd(0.1).momentum(0.9).toDl4j());
        Nesterovs nesterov = assertInstanceOf(Nesterovs.class, Optimizer.sgd(0.1).momentum(0.8).nesterov().toDl4j());
        assertEquals(0.8, nesterov.getMomentum());
        assertInstanceOf(AdaGrad.class, Optimizer.adagrad(0.1).toDl4j());
        assertInstanceOf(RmsProp.class, Optimizer.rmsprop(0.001).toDl4j());
        assertInstanceOf(Adam.class, Optimizer.adam().toDl4j());
        assertEquals(0.001, Optimizer.adam().toDl4j().getLearningRate(0, 0));
        assertEquals("SGD+Nesterov(0.1, momentum 0.9)", Optimizer.sgd(0.1).nesterov().toString());
    }

    @Test
    void adamWIsAdamWithDecoupledWeightDecayOnTheWeights() {
        Network net = Network.input(6).dense(5, Activation.RELU).softmax(3).optimizer(Optimizer.adamW(0.001, 0.01)).build();
        BaseLayer layer = (BaseLayer) net.model().getLayerWiseConfigurations().getConf(0).getLayer();
        assertInstanceOf(Adam.class, layer.getIUpdater());
        WeightDecay decay = assertInstanceOf(WeightDecay.class, layer.getRegularization().get(0));
        assertEquals(0.01, decay.getCoeff().valueAt(0, 0));
        assertTrue(decay.isApplyLR());
        assertTrue(layer.getRegularizationBias().isEmpty(), "biases are not decayed");
        assertEquals("AdamW(0.001, decay 0.01)", Optimizer.adamW(0.001, 0.01).toString());
    }

    @Test
    void classicalMomentumAccumulatesVelocity() {
        GradientUpdater<?> updater = new Momentum(0.1, 0.9, null).instantiate(Nd4j.zeros(DataType.FLOAT, 1, 1), true);
        INDArray g = Nd4j.ones(DataType.FLOAT, 1, 1);
        updater.applyUpdater(g, 0, 0);
        assertEquals(0.1, g.getDouble(0), 1e-7, "first step: rate * gradient");
        g.assign(1);
        updater.applyUpdater(g, 1, 0);
        assertEquals(0.19, g.getDouble(0), 1e-7, "second step: 0.9 * 0.1 + 0.1");
    }

    @Test
    void momentumZeroTrainsExactlyLikePlainSgd() {
        Network plain = Network.input(6).dense(8, Activation.TANH).softmax(3).optimizer(Optimizer.sgd(0.1)).build();
        Network zero = Network.input(6).dense(8, Activation.TANH).softmax(3).optimizer(Optimizer.sgd(0.1).momentum(0)).build();
        plain.fit(train, Fit.epochs(2).batchSize(10).quiet());
        zero.fit(train, Fit.epochs(2).batchSize(10).quiet());
        assertArrayEquals(plain.model().params().toFloatVector(), zero.model().params().toFloatVector(), 1e-6f);
    }

    @Test
    void scheduleValues() {
        var step = Schedule.step(0.5, 2).toDl4j(0.1);
        assertArrayEquals(new double[] {0.1, 0.1, 0.05, 0.05, 0.025},
                new double[] {step.valueAt(0, 0), step.valueAt(9, 1), step.valueAt(0, 2), step.valueAt(0, 3), step.valueAt(0, 4)}, 1e-12);
        var exponential = Schedule.exponential(0.9).toDl4j(1);
        assertEquals(0.81, exponential.valueAt(123, 2), 1e-12);
        var warm = Schedule.warmupThenDecay(10, 0.5).toDl4j(1);
        assertEquals(0.1, warm.valueAt(0, 0), 1e-12);
        assertEquals(0.5, warm.valueAt(4, 0), 1e-12);
        assertEquals(1.0, warm.valueAt(10, 0), 1e-12);
        assertEquals(0.25, warm.valueAt(25, 2), 1e-12);
        assertEquals("Schedule.step got factor 2.0; expected a factor in (0, 1] that shrinks the rate, such as 0.5",
                assertThrows(IllegalArgumentException.class, () -> Schedule.step(2, 1)).getMessage());
    }

    @Test
    void scheduleFollowsTheEpochsOfFit() {
        Network net = Network.input(6).dense(8, Activation.RELU).softmax(3)
                .optimizer(Optimizer.sgd(0.1).schedule(Schedule.step(0.5, 1))).build();
        net.fit(train, Fit.epochs(3).batchSize(10).quiet());
        assertEquals(3, net.model().getEpochCount());
        assertEquals(0.1 * 0.125, net.model().getLearningRate(0), 1e-12);
        Network warm = Network.input(6).dense(8, Activation.RELU).softmax(3)
                .optimizer(Optimizer.adam(0.01).schedule(Schedule.warmupThenDecay(50, 0.9))).build();
        warm.fit(train, Fit.epochs(2).batchSize(10).quiet()); // 20 updates: still warming up
        assertEquals(20, warm.model().getIterationCount());
        assertEquals(0.01 * 21 / 50, warm.model().getLearningRate(0), 1e-9);
    }

    @Test
    void learningRateAtIsTheRateTrainingUses() {
        Optimizer warm = Optimizer.adam(0.01).schedule(Schedule.warmupThenDecay(15, 0.5));
        assertEquals(0.01 / 15, warm.learningRateAt(0, 0), 1e-15);
        assertEquals(0.01 * 5 / 15, warm.learningRateAt(4, 0), 1e-15);
        assertEquals(0.01 * 0.25, warm.learningRateAt(25, 2), 1e-15);
        assertEquals(0.1, Optimizer.sgd(0.1).learningRateAt(999, 9), "no schedule: always the base rate");
        assertEquals(0.025, Optimizer.sgd(0.1).schedule(Schedule.step(0.5, 2)).learningRateAt(0, 4), 1e-15);
        for (int epochs = 1; epochs <= 3; epochs++) { // 10 updates per epoch: still warming up, then decayed
            Network net = Network.input(6).dense(8, Activation.RELU).softmax(3).optimizer(warm).build();
            net.fit(train, Fit.epochs(epochs).batchSize(10).quiet());
            int updates = 10 * epochs;
            assertEquals(net.model().getLearningRate(0), warm.learningRateAt(updates, epochs), 1e-12,
                    "the rate of the next update after " + epochs + " epochs");
        }
        assertEquals("learningRateAt got update -1 and epoch 0; expected both counted from 0, e.g. learningRateAt(0, 0) "
                + "for the first update", assertThrows(IllegalArgumentException.class, () -> warm.learningRateAt(-1, 0)).getMessage());
    }
}
