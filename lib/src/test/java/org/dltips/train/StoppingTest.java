package org.dltips.train;

import org.dltips.data.Dataset;
import org.dltips.model.Network;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Interruption, early stopping and time budget: training ends early and keeps what it should. */
class StoppingTest {

    private final Dataset train = Synthetic.blobs(200, 8, 3, 1);

    @Test
    void interruptionFromAnotherThreadKeepsWeightsAndHistory() throws Exception {
        Network net = Synthetic.builder(8, 3).build();
        INDArray initial = net.model().params().dup();
        CountDownLatch firstEpochDone = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicReference<INDArray> afterEpoch1 = new AtomicReference<>();
        Callback handshake = new Callback() {
            @Override
            public void onEpochEnd(Training t, EpochStats s) {
                afterEpoch1.set(t.network().model().params().dup());
                firstEpochDone.countDown();
                try {
                    interrupted.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // keep the flag for the trainer to see
                }
            }
        };
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread fitting = new Thread(() -> {
            try {
                net.fit(train, train, Fit.epochs(20).batchSize(50).quiet().callbacks(handshake));
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        fitting.start();
        assertTrue(firstEpochDone.await(60, TimeUnit.SECONDS));
        fitting.interrupt();
        interrupted.countDown();
        fitting.join(60_000);

        TrainingInterruptedException e = assertInstanceOf(TrainingInterruptedException.class, thrown.get());
        assertEquals("Training interrupted at epoch 2/20, batch 0/4; the network keeps what it learned,"
                + " net.history() has the completed epochs", e.getMessage());
        assertSame(net.history(), e.history());
        assertEquals(1, net.history().size());
        assertEquals(e.getMessage(), net.history().stopReason());
        assertEquals(0, net.history().partialEpoch().orElseThrow().batchesDone());
        assertArrayEquals(afterEpoch1.get().toFloatVector(), net.model().params().toFloatVector(),
                "the weights after the last finished batch are kept");
        assertNotEquals(initial, net.model().params());
        assertTrue(net.evaluate(train).accuracy() > 0.5, "the network keeps what it learned");
    }

    @Test
    void earlyStoppingStopsAfterPatienceAndRestoresTheBestWeights() {
        // The validation set has every label shifted, so the better the network learns, the worse it scores.
        Dataset getsWorse = Synthetic.shiftedLabels(train);
        Network net = Synthetic.builder(8, 3).build();
        List<INDArray> weights = new ArrayList<>();
        Callback recorder = new Callback() {
            @Override
            public void onEpochEnd(Training t, EpochStats s) {
                weights.add(t.network().model().params().dup());
            }
        };
        EarlyStopping stopping = EarlyStopping.patience(2);
        History h = net.fit(train, getsWorse, Fit.epochs(30).batchSize(20).quiet().callbacks(recorder, stopping));
        int best = h.best(Metric.VALIDATION_LOSS).orElseThrow().epoch();
        assertEquals(best, stopping.bestEpoch());
        assertEquals(best + 2, h.size(), "stops 2 epochs after the best one: " + h);
        assertTrue(h.stopReason().startsWith("early stopping at epoch " + (best + 2)
                + ": validation loss has not improved for 2 epochs (best "), h.stopReason());
        assertArrayEquals(weights.get(best - 1).toFloatVector(), net.model().params().toFloatVector());
        assertFalse(h.partialEpoch().isPresent());
    }

    @Test
    void earlyStoppingWithoutRestoreKeepsTheLastWeights() {
        Network net = Synthetic.builder(8, 3).build();
        net.fit(train, Synthetic.shiftedLabels(train),
                Fit.epochs(30).batchSize(20).quiet().callbacks(EarlyStopping.patience(1).restoreBestWeights(false)));
        assertTrue(net.history().size() < 30);
        assertEquals(net.history().last().validationLoss(),
                net.evaluate(Synthetic.shiftedLabels(train)).loss(), 1e-6);
    }

    @Test
    void timeBudgetStopsBetweenBatchesAndRecordsThePartialEpoch() {
        Callback slow = new Callback() {
            @Override
            public void onBatchEnd(Training t, double loss) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Network net = Synthetic.builder(8, 3).build();
        History h = net.fit(train, train, Fit.epochs(5).batchSize(2).quiet().callbacks(slow).timeBudget(0.25));
        assertTrue(h.stopReason().matches("stopped after 0\\.25 s budget at epoch 1, batch \\d+/100"), h.stopReason());
        PartialEpoch partial = h.partialEpoch().orElseThrow();
        assertEquals(1, partial.epoch());
        assertTrue(partial.batchesDone() > 0 && partial.batchesDone() < 100);
        assertEquals(partial.batchesDone() * 2 / partial.seconds(), partial.samplesPerSecond(), 1e-6);
        assertEquals(partial.seconds() * 100 / partial.batchesDone(), h.secondsPerEpoch(), 1e-9,
                "an honest extrapolation from the measured part");
        assertEquals(0, h.size());
    }

    @Test
    void timeBudgetWordingWithWholeSeconds() throws InterruptedException {
        Training training = new Training(null, new History(20), 20, 100);
        training.position(3, 41);
        TimeBudget budget = new TimeBudget(1);
        budget.onBatchEnd(training, 0.5);
        assertFalse(training.stopRequested());
        Thread.sleep(1050);
        budget.onBatchEnd(training, 0.5);
        assertEquals("stopped after 1 s budget at epoch 3, batch 41/100", training.stopReason());
        assertEquals("time budget got -2.0 seconds; expected a positive number of seconds, e.g. timeBudget(30)",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> Fit.epochs(1).timeBudget(-2)).getMessage());
    }

    @Test
    void checkpointSavesTheBestEpoch(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path file = dir.resolve("best.zip");
        Network net = Synthetic.builder(8, 3).build();
        Checkpoint checkpoint = Checkpoint.best(file);
        History h = net.fit(train, Synthetic.shiftedLabels(train), Fit.epochs(4).batchSize(20).quiet().callbacks(checkpoint));
        int best = h.best(Metric.VALIDATION_LOSS).orElseThrow().epoch();
        assertEquals(best, checkpoint.savedEpoch());
        assertEquals(h.epochs().get(best - 1).validationLoss(),
                Network.load(file).evaluate(Synthetic.shiftedLabels(train)).loss(), 1e-6);
    }
}
