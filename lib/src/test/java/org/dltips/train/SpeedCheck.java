package org.dltips.train;

import org.dltips.data.Dataset;
import org.dltips.model.Activation;
import org.dltips.model.Network;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;

/**
 * Manual speed check (not a unit test): the lecture network 784-689-689-689-10, batch 100, 10 000 examples,
 * trained by a raw DL4J loop and by {@code Network.fit}, alternating, seconds per epoch printed.
 *
 * <p>{@code java -cp ... org.dltips.train.SpeedCheck 3}
 */
public final class SpeedCheck {

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Dataset train = Synthetic.blobs(10_000, 784, 10, 1, 0.3);
        for (int round = 0; round < rounds; round++) {
            System.out.printf("raw DL4J loop      : %.2f s/epoch%n", raw(train));
            Network net = Network.input(784).hidden(3, 689, Activation.SIGMOID).softmax(10).build();
            History h = net.fit(train, Fit.epochs(1).batchSize(100).quiet().evaluateTraining(false));
            System.out.printf("Network.fit        : %.2f s/epoch (%.0f samples/s)%n", h.last().seconds(), h.last().samplesPerSecond());
        }
    }

    private static double raw(Dataset train) {
        MultiLayerNetwork model = Network.input(784).hidden(3, 689, Activation.SIGMOID).softmax(10).build().model();
        DataSet all = new DataSet(train.features(), train.oneHot());
        long start = System.nanoTime();
        all.shuffle(1);
        List<DataSet> batches = all.batchBy(100);
        for (DataSet batch : batches) {
            model.fit(batch);
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
