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
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Dataset train = Synthetic.blobs(n, 784, 10, 1, 0.3);
        double bestRaw = Double.MAX_VALUE;
        double bestViews = Double.MAX_VALUE;
        double bestOurs = Double.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            double raw = raw(train);
            double views = rawViews(train);
            Network net = Network.input(784).hidden(3, 689, Activation.SIGMOID).softmax(10).build();
            History h = net.fit(train, Fit.epochs(1).batchSize(100).quiet().evaluateTraining(false));
            double ours = h.last().seconds();
            System.out.printf("raw shuffle+batchBy %.2f s | raw row views %.2f s | Network.fit %.2f s (%.0f samples/s)%n",
                    raw, views, ours, h.last().samplesPerSecond());
            bestRaw = Math.min(bestRaw, raw);
            bestViews = Math.min(bestViews, views);
            bestOurs = Math.min(bestOurs, ours);
        }
        System.out.printf("best of %d, %d examples: raw %.2f s, raw views %.2f s, Network.fit %.2f s%n",
                rounds, n, bestRaw, bestViews, bestOurs);
    }

    private static double rawViews(Dataset train) {
        MultiLayerNetwork model = Network.input(784).hidden(3, 689, Activation.SIGMOID).softmax(10).build().model();
        INDArray x = train.features();
        INDArray y = train.oneHot();
        long start = System.nanoTime();
        for (int from = 0; from < train.size(); from += 100) {
            int to = Math.min(train.size(), from + 100);
            model.fit(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to), org.nd4j.linalg.indexing.NDArrayIndex.all()),
                    y.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to), org.nd4j.linalg.indexing.NDArrayIndex.all()));
        }
        return (System.nanoTime() - start) / 1e9;
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
