package org.dltips.data;

import org.dltips.data.internal.FeatureStore;
import org.dltips.data.internal.ImageGrid;
import org.dltips.data.internal.Sampling;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * A labelled set of examples held in memory: one row of float features per example and one class label.
 * Datasets never change; subsets, shuffling, scaling and noise return new ones. Introduced in the first
 * notebook, where MNIST is loaded and looked at.
 *
 * <p>{@code Dataset train = Mnist.load().train().first(10_000).scaled();}
 */
public final class Dataset {

    private final FeatureStore store;
    private final int[] labels;
    private final int inputSize;
    private final int numClasses;
    private final Shape shape;
    private float[] features;
    private INDArray featureMatrix;
    private INDArray oneHotMatrix;

    /** Image size, value scale and class names: what a subset keeps from the set it came from. */
    record Shape(int height, int width, PixelScale scale, List<String> classNames) {
    }

    /**
     * Wraps row-major features ({@code labels.length} rows of {@code inputSize} values) and class labels in
     * {@code [0, numClasses)}. The arrays are used as they are, not copied. Such a set has the pixel scale
     * {@link PixelScale#NOT_PIXELS}, class names "0", "1", ..., and an image shape of 1 x inputSize.
     */
    public Dataset(float[] features, int[] labels, int inputSize, int numClasses) {
        this(checked(features, labels, inputSize, numClasses), labels, inputSize, numClasses,
                new Shape(1, inputSize, PixelScale.NOT_PIXELS, Checks.numberNames(numClasses)));
    }

    Dataset(FeatureStore store, int[] labels, int inputSize, int numClasses, Shape shape) {
        this.store = store;
        this.labels = labels;
        this.inputSize = inputSize;
        this.numClasses = numClasses;
        this.shape = shape;
    }

    private static FeatureStore checked(float[] features, int[] labels, int inputSize, int numClasses) {
        Objects.requireNonNull(features, "features");
        Checks.checkLabels(Objects.requireNonNull(labels, "labels"), inputSize, numClasses);
        if ((long) labels.length * inputSize != features.length) {
            throw new IllegalArgumentException("features hold " + features.length + " values but "
                    + labels.length + " examples of " + inputSize + " inputs need "
                    + (long) labels.length * inputSize);
        }
        return FeatureStore.ofFloats(features, inputSize);
    }

    /** Number of examples. */
    public int size() {
        return labels.length;
    }

    /** Number of features per example (784 for a 28x28 image). */
    public int inputSize() {
        return inputSize;
    }

    /** Number of classes (10 for digits). */
    public int numClasses() {
        return numClasses;
    }

    /** Class label of every example; the array is shared, do not modify it. */
    public int[] labels() {
        return labels;
    }

    /** Feature values, row-major, created on first use; the array is shared, do not modify it. */
    public synchronized float[] featureArray() {
        if (features == null) {
            features = store.toFloats();
        }
        return features;
    }

    /** Features as a float32 matrix of shape [size, inputSize], created once and cached. */
    public synchronized INDArray features() {
        if (featureMatrix == null) {
            featureMatrix = Nd4j.create(featureArray(), new long[] {labels.length, inputSize}, DataType.FLOAT);
        }
        return featureMatrix;
    }

    /** Labels one-hot encoded as a float32 matrix of shape [size, numClasses], created once and cached. */
    public synchronized INDArray oneHot() {
        if (oneHotMatrix == null) {
            float[] hot = new float[labels.length * numClasses];
            for (int i = 0; i < labels.length; i++) {
                hot[i * numClasses + labels[i]] = 1f;
            }
            oneHotMatrix = Nd4j.create(hot, new long[] {labels.length, numClasses}, DataType.FLOAT);
        }
        return oneHotMatrix;
    }

    /** Image height in pixels (28 for MNIST); 1 for features that are not images. */
    public int imageHeight() {
        return shape.height();
    }

    /** Image width in pixels (28 for MNIST); the input size for features that are not images. */
    public int imageWidth() {
        return shape.width();
    }

    /** Whether the values are raw pixels, scaled pixels, or other features. */
    public PixelScale pixelScale() {
        return shape.scale();
    }

    /** True when the pixels have been divided by 255 with {@link #scaled()}. */
    public boolean isScaled() {
        return shape.scale() == PixelScale.SCALED;
    }

    /** Name of each class, by label: "0".."9" for digits, "T-shirt/top", "Trouser", ... for Fashion-MNIST. */
    public List<String> classNames() {
        return shape.classNames();
    }

    /** The first {@code n} examples, in order; {@code mnist.train().first(10_000)} is the lecture's set. */
    public Dataset first(int n) {
        Checks.checkCount(n, size(), "first");
        return select(Sampling.range(0, n));
    }

    /** The examples at {@code indices}, in that order (an index may repeat). */
    public Dataset select(int... indices) {
        int[] picked = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            Objects.checkIndex(indices[i], size());
            picked[i] = labels[indices[i]];
        }
        return new Dataset(store.select(indices), picked, inputSize, numClasses, shape);
    }

    /** All examples in an order shuffled with {@code seed}: the same seed gives the same order. */
    public Dataset shuffled(long seed) {
        return select(Sampling.permutation(size(), seed));
    }

    /**
     * {@code n} examples chosen with {@code seed} so that every class keeps its share of the whole set, in
     * their original order: {@code mnist.train().stratified(1_000, 3)} has about 112 ones, like the full set.
     */
    public Dataset stratified(int n, long seed) {
        Checks.checkCount(n, size(), "stratified");
        return select(Sampling.stratified(labels, numClasses, n, seed));
    }

    /**
     * The first {@code fraction} of the examples to train on and the rest to validate on, in the current
     * order. Like Keras' {@code validation_split}, this takes the tail as it is, so shuffle first:
     * {@code train.shuffled(7).split(0.8)}, or use {@link #split(double, long)}.
     */
    public Split split(double fraction) {
        int cut = Checks.splitPoint(fraction, size());
        return new Split(select(Sampling.range(0, cut)), select(Sampling.range(cut, size())));
    }

    /** Shuffles with {@code seed}, then splits: {@code shuffled(seed).split(fraction)}. */
    public Split split(double fraction, long seed) {
        return shuffled(seed).split(fraction);
    }

    /**
     * Pixels divided by 255, into [0, 1]: the explicit normalization step.
     *
     * @throws IllegalStateException if the values are not raw pixels (already scaled, or not pixels), because
     *                               dividing twice would silently shrink the inputs 255 times more
     */
    public Dataset scaled() {
        if (shape.scale() != PixelScale.RAW) {
            throw new IllegalStateException("scaled() divides raw pixels 0..255 by 255, but this dataset holds "
                    + shape.scale().description() + ". Call scaled() once, on raw pixels: mnist.train().scaled().");
        }
        Shape unit = new Shape(shape.height(), shape.width(), PixelScale.SCALED, shape.classNames());
        return new Dataset(store.times(1f / 255f), labels, inputSize, numClasses, unit);
    }

    /**
     * A copy with Gaussian noise N(0, stddev²) added to every value, drawn with {@code seed}; not clipped.
     * The lecture adds N(0, 1) to every test pixel after scaling: {@code test.withNoise(1.0, 42)}.
     *
     * @throws IllegalStateException on raw pixels 0..255, where such noise would be 255 times too weak
     */
    public Dataset withNoise(double stddev, long seed) {
        if (shape.scale() == PixelScale.RAW) {
            throw new IllegalStateException("withNoise(" + stddev + ", " + seed + ") adds noise in the scaled "
                    + "pixel space, but this dataset holds raw pixels 0..255, where it would be 255 times too weak. "
                    + "Scale first: test.scaled().withNoise(" + stddev + ", " + seed + ").");
        }
        if (!(stddev >= 0) || Double.isInfinite(stddev)) {
            throw new IllegalArgumentException("stddev must be a finite number >= 0, got " + stddev);
        }
        float[] noisy = featureArray().clone();
        Random random = new Random(seed);
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] += (float) (random.nextGaussian() * stddev);
        }
        return new Dataset(FeatureStore.ofFloats(noisy, inputSize), labels, inputSize, numClasses, shape);
    }

    /** Number of examples of each class, indexed by label. */
    public int[] classCounts() {
        int[] counts = new int[numClasses];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * The share of the most common class: the accuracy of a network that predicts that class for everything
     * (0.1127 for digit 1 in the first 10 000 MNIST training images, 0.1135 in the test set).
     */
    public double mostCommonShare() {
        return size() == 0 ? 0 : (double) classCounts()[mostCommonClass()] / size();
    }

    /** The label of the most common class (the smallest such label on a tie). */
    public int mostCommonClass() {
        int[] counts = classCounts();
        int best = 0;
        for (int c = 1; c < numClasses; c++) {
            best = counts[c] > counts[best] ? c : best;
        }
        return best;
    }

    /** Examples {@code from..from+count-1} drawn as an image grid, 8 per row, with class names underneath. */
    public BufferedImage imageGrid(int from, int count) {
        Checks.checkCount(count, size(), "imageGrid");
        Objects.checkFromIndexSize(from, count, size());
        float toUnit = switch (shape.scale()) {
            case RAW -> 1f / 255f;
            case SCALED -> 1f;
            case NOT_PIXELS -> 0f;
        };
        return ImageGrid.draw(store, labels, classNames(), imageHeight(), imageWidth(), from, count, toUnit);
    }

    @Override
    public String toString() {
        return "Dataset of " + size() + " examples, " + imageHeight() + "x" + imageWidth() + " "
                + shape.scale().description() + ", " + numClasses + " classes";
    }
}
