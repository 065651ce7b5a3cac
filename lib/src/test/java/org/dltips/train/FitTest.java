package org.dltips.train;

import org.dltips.data.Dataset;
import org.dltips.model.Activation;
import org.dltips.model.Network;
import org.dltips.model.Optimizer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FitTest {

    private final Dataset train = Synthetic.blobs(300, 8, 3, 1);
    private final Dataset test = Synthetic.blobs(150, 8, 3, 2);

    @Test
    void historyHasOneEntryPerEpochWithTimesAndBothSets() {
        Network net = Synthetic.builder(8, 3).build();
        History h = net.fit(train, test, Fit.epochs(4).batchSize(32).quiet());
        assertSame(h, net.history());
        assertEquals(4, h.size());
        assertEquals("", h.stopReason());
        for (int i = 0; i < 4; i++) {
            EpochStats s = h.epochs().get(i);
            assertEquals(i + 1, s.epoch());
            assertTrue(s.seconds() > 0 && s.samplesPerSecond() > 0);
            assertEquals(300 / s.seconds(), s.samplesPerSecond(), 1e-6);
            assertTrue(s.runningTrainAccuracy() >= 0 && s.runningTrainAccuracy() <= 1);
        }
        assertTrue(h.last().trainAccuracy() > 0.95, "blobs are separable: " + h);
        assertTrue(h.last().validationAccuracy() > 0.95, "blobs are separable: " + h);
        assertTrue(h.last().trainLoss() < h.epochs().get(0).trainLoss());
    }

    @Test
    void runningAccuracyMeasuresTheTrainingForwardPass() {
        // Without dropout, the running accuracy of the last epoch is close to the accuracy after it.
        Network net = Synthetic.builder(8, 3).build();
        History h = net.fit(train, null, Fit.epochs(6).batchSize(30).quiet());
        assertEquals(h.last().trainAccuracy(), h.last().runningTrainAccuracy(), 0.05);
        // With heavy dropout, it is lower than the accuracy measured with dropout off.
        Network dropped = Network.input(8).dense(64, Activation.RELU).dropout(0.8).softmax(3)
                .optimizer(Optimizer.adam(0.01)).seed(3).build();
        History d = dropped.fit(Synthetic.blobs(300, 8, 3, 1, 2.0), null, Fit.epochs(3).batchSize(30).quiet());
        assertTrue(d.last().runningTrainAccuracy() < d.last().trainAccuracy(), d.toString());
    }

    @Test
    void sameSeedRepeatsTheRunExactlyAndAnotherSeedDoesNot() {
        History a = Synthetic.builder(8, 3).seed(5).build().fit(train, test, Fit.epochs(2).batchSize(20).quiet());
        History b = Synthetic.builder(8, 3).seed(5).build().fit(train, test, Fit.epochs(2).batchSize(20).quiet());
        History c = Synthetic.builder(8, 3).seed(6).build().fit(train, test, Fit.epochs(2).batchSize(20).quiet());
        assertArrayEquals(a.trainLoss(), b.trainLoss());
        assertArrayEquals(a.validationAccuracy(), b.validationAccuracy());
        assertNotEquals(a.trainLoss()[1], c.trainLoss()[1]);
    }

    @Test
    void withoutValidationSetTheValidationNumbersAreNaN() {
        History h = Synthetic.builder(8, 3).build().fit(train, Fit.epochs(1).quiet());
        assertTrue(Double.isNaN(h.last().validationLoss()));
        assertFalse(Double.isNaN(h.last().trainLoss()));
    }

    @Test
    void plainFitOverloadAndBatchLargerThanTheSet() {
        History h = Synthetic.builder(8, 3).build().fit(train, test, 1, 10_000);
        assertEquals(1, h.size());
    }

    @Test
    void mismatchedDataIsExplained() {
        Network net = Synthetic.builder(8, 3).build();
        Dataset wide = Synthetic.blobs(10, 9, 3, 1);
        assertEquals("the training set has 9 features per example but the network expects 8;"
                        + " build it with Network.input(9) or flatten the images",
                assertThrows(IllegalArgumentException.class, () -> net.fit(wide, null, Fit.epochs(1).quiet())).getMessage());
        assertEquals(null, net.history(), "a rejected fit leaves no history behind");
        Dataset fourClasses = Synthetic.blobs(10, 8, 4, 1);
        assertEquals("the validation set has 4 classes but the network's softmax has 3 outputs; use .softmax(4)",
                assertThrows(IllegalArgumentException.class,
                        () -> net.fit(train, fourClasses, Fit.epochs(1).quiet())).getMessage());
    }

    @Test
    void callbacksSeePairedHooksInOrder() {
        StringBuilder calls = new StringBuilder();
        Callback log = new Callback() {
            public void onFitBegin(Training t) { calls.append("F"); }
            public void onFitEnd(Training t) { calls.append("f"); }
            public void onEpochBegin(Training t) { calls.append("E"); }
            public void onEpochEnd(Training t, EpochStats s) { calls.append("e"); }
            public void onBatchBegin(Training t) { calls.append("B"); }
            public void onBatchEnd(Training t, double loss) { calls.append("b"); }
        };
        Synthetic.builder(8, 3).build().fit(Synthetic.blobs(25, 8, 3, 1), null, Fit.epochs(2).batchSize(10).quiet().callbacks(log));
        assertEquals("FEBbBbBbeEBbBbBbef", calls.toString());
    }
}
