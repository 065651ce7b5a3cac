package org.dltips.train;

import org.dltips.data.Dataset;
import org.dltips.model.Network;
import org.dltips.train.internal.DenseStep;
import org.dltips.train.internal.RunningAccuracy;
import org.dltips.train.internal.Scores;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;
import java.util.Random;

/**
 * The training loop behind {@code Network.fit}: shuffle by one index gather per epoch, train batch by batch on
 * row views, evaluate, call the callbacks, and stop cleanly on a stop request or a thread interruption.
 *
 * <p>{@code History h = Trainer.run(net, train, test, Fit.epochs(20), new History(20), new Random(1));}
 */
public final class Trainer {

    /**
     * Dense networks train through {@link DenseStep} (same arithmetic as DL4J's fit, two to several times as
     * fast on the lecture network); {@code -Ddltips.denseStep=false} sends every network through DL4J's fit.
     */
    static final boolean FAST_STEP = !"false".equals(System.getProperty("dltips.denseStep"));

    private Trainer() {
    }

    /**
     * Trains {@code network} on {@code train}, evaluating on {@code validation} (may be null) after each epoch,
     * recording into {@code history}; {@code random} drives the shuffling.
     *
     * @throws TrainingInterruptedException when the thread is interrupted; the weights and history are kept
     */
    public static History run(Network network, Dataset train, Dataset validation, Fit fit, History history,
                              Random random) {
        check(network, train, validation);
        checkEvaluationSet(network, fit, train);
        MultiLayerNetwork model = network.model();
        int n = train.size();
        int batchSize = Math.min(fit.batchSize(), n);
        int batches = (n + batchSize - 1) / batchSize;
        Training training = new Training(network, history, fit.epochs(), batches);
        List<Callback> callbacks = fit.allCallbacks();
        INDArray x = train.features();
        INDArray y = train.targets();
        int[] labels = train.labels();
        int[] order = identity(n);
        if (fit.shuffle()) {
            x = Nd4j.createUninitialized(x.dataType(), x.shape(), 'c');
            y = Nd4j.createUninitialized(y.dataType(), y.shape(), 'c');
            labels = new int[n];
        }
        DenseStep step = FAST_STEP ? DenseStep.forModel(model) : null;
        RunningAccuracy running = new RunningAccuracy();
        model.addListeners(running);
        try {
            callbacks.forEach(c -> c.onFitBegin(training));
            for (int epoch = 1; epoch <= fit.epochs() && !training.stopRequested(); epoch++) {
                training.position(epoch, 0);
                callbacks.forEach(c -> c.onEpochBegin(training));
                long start = System.nanoTime();
                if (fit.shuffle()) {
                    shuffle(order, random);
                    Nd4j.pullRows(train.features(), x, 1, order);
                    Nd4j.pullRows(train.targets(), y, 1, order);
                    for (int i = 0; i < n; i++) {
                        labels[i] = train.labels()[order[i]];
                    }
                }
                running.reset();
                double lossSum = 0;
                int batch = 0;
                for (; batch < batches && !training.stopRequested(); batch++) {
                    if (Thread.interrupted()) {
                        recordPartial(history, epoch, batch, batches, batchSize, n, start, lossSum, running);
                        throw new TrainingInterruptedException(epoch, fit.epochs(), batch, batches, history);
                    }
                    callbacks.forEach(c -> c.onBatchBegin(training));
                    int from = batch * batchSize;
                    int to = Math.min(n, from + batchSize);
                    running.expect(labels, from);
                    INDArray xb = x.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
                    INDArray yb = y.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
                    double batchLoss;
                    if (step != null) {
                        batchLoss = step.fit(xb, yb);
                        running.count(step.predictions());
                    } else {
                        model.fit(xb, yb);
                        batchLoss = model.score();
                    }
                    lossSum += batchLoss * (to - from);
                    training.position(epoch, batch + 1);
                    callbacks.forEach(c -> c.onBatchEnd(training, batchLoss));
                }
                if (batch < batches) {
                    recordPartial(history, epoch, batch, batches, batchSize, n, start, lossSum, running);
                    break;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                model.incrementEpochCount();
                Scores trainScores = fit.evaluateTraining() ? scores(network, fit.trainingEvaluationSet(train)) : null;
                Scores validationScores = validation == null ? null : scores(network, validation);
                EpochStats stats = new EpochStats(epoch,
                        trainScores == null ? Double.NaN : trainScores.loss(),
                        trainScores == null ? Double.NaN : trainScores.accuracy(),
                        validationScores == null ? Double.NaN : validationScores.loss(),
                        validationScores == null ? Double.NaN : validationScores.accuracy(),
                        seconds, n / seconds, lossSum / n, train.isMixed() ? Double.NaN : running.accuracy());
                history.add(stats);
                callbacks.forEach(c -> c.onEpochEnd(training, stats));
            }
            if (training.stopRequested()) {
                history.stopReason(training.stopReason());
            }
        } catch (TrainingInterruptedException e) {
            training.stop(e.getMessage());
            history.stopReason(e.getMessage());
            throw e;
        } finally {
            if (step != null) {
                step.close();
            }
            if (fit.shuffle()) {
                x.close();
                y.close();
            }
            removeListener(model, running);
            callbacks.forEach(c -> c.onFitEnd(training));
        }
        return history;
    }

    /** Throws an explained IllegalArgumentException when the sets do not fit the network's input or output size. */
    public static void check(Network network, Dataset train, Dataset validation) {
        Inputs.check(network, train, "training");
        if (validation != null) {
            Inputs.check(network, validation, "validation");
        }
    }

    private static void checkEvaluationSet(Network network, Fit fit, Dataset train) {
        if (fit.trainingEvaluationSet(train) != train) {
            Inputs.check(network, fit.trainingEvaluationSet(train), "training evaluation");
        }
    }

    private static void recordPartial(History history, int epoch, int batch, int batches, int batchSize, int n,
                                      long start, double lossSum, RunningAccuracy running) {
        double seconds = (System.nanoTime() - start) / 1e9;
        int samples = Math.min(n, batch * batchSize);
        history.partialEpoch(new PartialEpoch(epoch, batch, batches, seconds, samples / seconds,
                samples == 0 ? Double.NaN : lossSum / samples, running.accuracy()));
    }

    private static void removeListener(MultiLayerNetwork model, RunningAccuracy running) {
        var listeners = new java.util.ArrayList<>(model.getListeners());
        listeners.remove(running);
        model.setListeners(listeners);
    }

    private static Scores scores(Network network, Dataset data) {
        return Scores.of(network.model(), network.loss(), data);
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
