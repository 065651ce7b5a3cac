package org.dltips.bench;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dltips.data.Dataset;
import org.dltips.model.Network;
import org.dltips.train.Fit;
import org.dltips.train.History;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.ViewIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Trains the lecture network and times whole epochs: through the library's {@code Network.fit} (feed
 * {@code library}, the default) or through plain DL4J {@code MultiLayerNetwork.fit}, fed in one of four ways.
 *
 * <p>{@code double[] secs = new Dl4jSide(data, settings).train(100, 3, 10_000);}
 */
final class Dl4jSide {
    private final Settings settings;
    private final INDArray x;
    private final INDArray y;

    Dl4jSide(BenchData data, Settings settings) {
        this.settings = settings;
        this.x = Nd4j.create(data.features, new long[] {data.rows, BenchData.PIXELS}, 'c');
        this.y = Nd4j.create(data.oneHot(), new long[] {data.rows, BenchData.CLASSES}, 'c');
        if (x.dataType() != DataType.FLOAT) {
            throw new IllegalStateException("features are " + x.dataType() + "; expected FLOAT");
        }
    }

    private MultiLayerNetwork kept;
    private Dataset library;

    /** Trains a fresh network for {@code epochs} epochs over the first {@code samples} rows; returns seconds per epoch. */
    double[] train(int batch, int epochs, int samples) {
        return train(LectureNet.build(settings), batch, epochs, samples);
    }

    /** As {@link #train(int, int, int)} with SGD at {@code rate}. */
    double[] train(int batch, int epochs, int samples, double rate) {
        return train(LectureNet.build(settings, rate), batch, epochs, samples);
    }

    /** Trains one network kept across calls (created on first use), so repeated calls measure steady state. */
    double[] trainKept(int batch, int epochs, int samples) {
        if (kept == null) {
            kept = LectureNet.build(settings);
        }
        return train(kept, batch, epochs, samples);
    }

    /** The network kept by {@link #trainKept}, or null before its first call. */
    MultiLayerNetwork kept() {
        return kept;
    }

    private double[] train(MultiLayerNetwork net, int batch, int epochs, int samples) {
        String feed = settings.get("feed");
        List<INDArray[]> batches = split(batch, samples, "presplit".equals(feed));
        DataSet all = new DataSet(rows(x, 0, samples), rows(y, 0, samples));
        double[] seconds = new double[epochs];
        if ("library".equals(feed)) { // one fit, as a notebook calls it; History has each epoch's training time
            History history = Network.wrap(net).fit(library(samples), null, Fit.epochs(epochs).batchSize(batch)
                    .shuffle(false).quiet().evaluateTraining(false));
            for (int e = 0; e < epochs; e++) {
                seconds[e] = history.epochs().get(e).seconds();
            }
        }
        for (int e = 0; e < epochs && !"library".equals(feed); e++) {
            long start = System.nanoTime();
            switch (feed) {
                case "views", "presplit" -> batches.forEach(b -> net.fit(b[0], b[1]));
                case "dataset" -> batches.forEach(b -> net.fit(new DataSet(b[0], b[1])));
                case "iterator" -> net.fit(new ViewIterator(all, batch));
                default -> throw new IllegalArgumentException("feed=" + feed
                        + " is unknown; expected library, views, dataset, presplit or iterator");
            }
            seconds[e] = (System.nanoTime() - start) / 1e9;
        }
        if (!Double.isFinite(net.score())) {
            throw new IllegalStateException("DL4J training diverged: score " + net.score());
        }
        return seconds;
    }

    /** The first {@code samples} rows as the library's Dataset (made once). */
    private Dataset library(int samples) {
        if (library == null || library.size() != samples) {
            float[] features = rows(x, 0, samples).dup('c').data().asFloat();
            int[] labels = rows(y, 0, samples).argMax(1).toIntVector();
            library = new Dataset(features, labels, BenchData.PIXELS, BenchData.CLASSES);
        }
        return library;
    }

    /** Seconds of one epoch of forward passes only (inference mode), to split training time into phases. */
    double forwardEpoch(int batch, int samples) {
        MultiLayerNetwork net = LectureNet.build(settings);
        List<INDArray[]> batches = split(batch, samples, false);
        batches.forEach(b -> net.output(b[0], false));
        long start = System.nanoTime();
        batches.forEach(b -> net.output(b[0], false));
        return (System.nanoTime() - start) / 1e9;
    }

    private List<INDArray[]> split(int batch, int samples, boolean copy) {
        List<INDArray[]> out = new ArrayList<>();
        for (int i = 0; i < samples; i += batch) {
            int end = Math.min(samples, i + batch);
            INDArray bx = rows(x, i, end);
            INDArray by = rows(y, i, end);
            out.add(copy ? new INDArray[] {bx.dup('c'), by.dup('c')} : new INDArray[] {bx, by});
        }
        return out;
    }

    static INDArray rows(INDArray m, int from, int to) {
        return m.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }
}
