package org.dltips.train;

import org.dltips.data.Dataset;
import org.dltips.model.Activation;
import org.dltips.model.Network;
import org.dltips.model.NetworkBuilder;
import org.dltips.model.Optimizer;

import java.util.Random;

/**
 * Tiny synthetic fixtures for training tests: Gaussian blobs that a small network separates in a few epochs.
 *
 * <p>{@code Dataset train = Synthetic.blobs(300, 8, 3, 1); Network net = Synthetic.builder(8, 3).build();}
 */
public final class Synthetic {

    private Synthetic() {
    }

    /** {@code n} examples of {@code features} dimensions around {@code classes} random centres, noise sd 0.5. */
    public static Dataset blobs(int n, int features, int classes, long seed) {
        return blobs(n, features, classes, seed, 0.5);
    }

    /** Like {@link #blobs(int, int, int, long)} with noise standard deviation {@code spread}. */
    public static Dataset blobs(int n, int features, int classes, long seed, double spread) {
        Random centreRandom = new Random(12345);
        float[][] centres = new float[classes][features];
        for (float[] centre : centres) {
            for (int j = 0; j < features; j++) {
                centre[j] = (float) (centreRandom.nextGaussian() * 1.5);
            }
        }
        Random random = new Random(seed);
        float[] x = new float[n * features];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
            for (int j = 0; j < features; j++) {
                x[i * features + j] = centres[labels[i]][j] + (float) (random.nextGaussian() * spread);
            }
        }
        return new Dataset(x, labels, features, classes);
    }

    /** The same examples with every label moved to the next class: a set that gets WORSE as training succeeds. */
    public static Dataset shiftedLabels(Dataset data) {
        int[] labels = new int[data.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (data.labels()[i] + 1) % data.numClasses();
        }
        return new Dataset(data.featureArray(), labels, data.inputSize(), data.numClasses());
    }

    /** A small ReLU network with Adam for {@code features} inputs and {@code classes} classes. */
    public static NetworkBuilder builder(int features, int classes) {
        return Network.input(features).dense(16, Activation.RELU).softmax(classes)
                .optimizer(Optimizer.adam(0.01)).seed(7);
    }
}
