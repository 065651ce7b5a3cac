package org.dltips.data;

import org.dltips.data.internal.FeatureStore;
import org.dltips.data.internal.ImageGrid;
import org.dltips.data.internal.Matrices;
import org.dltips.data.internal.Sampling;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

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
    private final ImageFormat format;
    private INDArray oneHotMatrix;

    /**
     * Wraps row-major features ({@code labels.length} rows of {@code inputSize} values) and class labels in
     * {@code [0, numClasses)}. The arrays are used as they are, not copied. Such a set has the pixel scale
     * {@link PixelScale#NOT_PIXELS}, class names "0", "1", ..., and an image shape of 1 x inputSize.
     */
    public Dataset(float[] features, int[] labels, int inputSize, int numClasses) {
        this(FeatureStore.ofFloats(Checks.checkFeatures(features, labels, inputSize, numClasses), inputSize),
                labels, inputSize, numClasses, ImageFormat.features(inputSize, numClasses));
    }

    Dataset(FeatureStore store, int[] labels, int inputSize, int numClasses, ImageFormat format) {
        this.store = store;
        this.labels = labels;
        this.inputSize = inputSize;
        this.numClasses = numClasses;
        this.format = format;
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
    public float[] featureArray() {
        return store.floats();
    }

    /** Features as a float32 matrix of shape [size, inputSize], created once and cached. */
    public INDArray features() {
        return store.matrix();
    }

    /** Labels one-hot encoded as a float32 matrix of shape [size, numClasses], created once and cached. */
    public synchronized INDArray oneHot() {
        if (oneHotMatrix == null) {
            oneHotMatrix = Matrices.oneHot(labels, numClasses);
        }
        return oneHotMatrix;
    }

    /** Image height in pixels (28 for MNIST); 1 for features that are not images. */
    public int imageHeight() {
        return format.height();
    }

    /** Image width in pixels (28 for MNIST); the input size for features that are not images. */
    public int imageWidth() {
        return format.width();
    }

    /** Whether the values are raw pixels, scaled pixels, or other features. */
    public PixelScale pixelScale() {
        return format.scale();
    }

    /** True when the pixels have been divided by 255 with {@link #scaled()}. */
    public boolean isScaled() {
        return format.scale() == PixelScale.SCALED;
    }

    /** Name of each class, by label: "0".."9" for digits, "T-shirt/top", "Trouser", ... for Fashion-MNIST. */
    public List<String> classNames() {
        return format.classNames();
    }

    /** The first {@code n} examples, in order; {@code mnist.train().first(10_000)} is the lecture's set. */
    public Dataset first(int n) {
        return select(Sampling.range(0, Checks.checkCount(n, size(), "first")));
    }

    /** The examples at {@code indices}, in that order (an index may repeat). */
    public Dataset select(int... indices) {
        return new Dataset(store.select(indices), Checks.gather(labels, indices), inputSize, numClasses, format);
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
        return select(Sampling.stratified(labels, numClasses, Checks.checkCount(n, size(), "stratified"), seed));
    }

    /**
     * The first {@code fraction} of the examples to train on and the rest to validate on, in the current
     * order. Like Keras' {@code validation_split}, this takes the tail as it is, so shuffle first:
     * {@code train.shuffled(7).split(0.8)}.
     */
    public Split split(double fraction) {
        int cut = Checks.splitPoint(fraction, size());
        return new Split(select(Sampling.range(0, cut)), select(Sampling.range(cut, size())));
    }

    /**
     * Pixels divided by 255, into [0, 1]: the explicit normalization step.
     *
     * @throws IllegalStateException if the values are not raw pixels (already scaled, or not pixels), because
     *                               dividing twice would silently shrink the inputs 255 times more
     */
    public Dataset scaled() {
        return new Dataset(store.times(1f / 255f), labels, inputSize, numClasses, format.scaledCopy());
    }

    /**
     * A copy with Gaussian noise N(0, stddev²) added to every value, drawn with {@code seed}; not clipped.
     * The lecture adds N(0, 1) to every test pixel after scaling: {@code test.withNoise(1.0, 42)}.
     *
     * @throws IllegalStateException on raw pixels 0..255, where such noise would be 255 times too weak
     */
    public Dataset withNoise(double stddev, long seed) {
        format.checkNoise(stddev, seed);
        float[] noisy = Sampling.withGaussianNoise(featureArray(), stddev, seed);
        return new Dataset(FeatureStore.ofFloats(noisy, inputSize), labels, inputSize, numClasses, format);
    }

    /**
     * A copy in which a share {@code fraction} of the examples, chosen with {@code seed}, carry a WRONG label (another
     * class, drawn at random); the features are shared. Real data sets have such annotation mistakes; a big network
     * learns them by heart, which is overfitting at its clearest: {@code train.withLabelNoise(0.2, 5)}.
     *
     * @throws IllegalArgumentException when {@code fraction} is outside [0, 1] or there is only one class
     */
    public Dataset withLabelNoise(double fraction, long seed) {
        Checks.checkLabelNoise(fraction, numClasses);
        int[] noisy = Sampling.withWrongLabels(labels, numClasses, fraction, seed);
        return new Dataset(store, noisy, inputSize, numClasses, format);
    }

    /** Number of examples of each class, indexed by label. */
    public int[] classCounts() {
        return classBalance().counts();
    }

    /**
     * The share of the most common class: the accuracy of a network that predicts that class for everything
     * (0.1127 for digit 1 in the first 10 000 MNIST training images, 0.1135 in the test set).
     */
    public double mostCommonShare() {
        return classBalance().mostCommonShare();
    }

    /** Counts and shares of every class, with the most common one. */
    public ClassBalance classBalance() {
        return ClassBalance.of(labels, classNames());
    }

    /** Examples {@code from..from+count-1} drawn as an image grid, 8 per row, with class names underneath. */
    public BufferedImage imageGrid(int from, int count) {
        Objects.checkFromIndexSize(from, Checks.checkCount(count, size(), "imageGrid"), size());
        return ImageGrid.draw(store, labels, classNames(), imageHeight(), imageWidth(), from, count, format.toUnit());
    }

    @Override
    public String toString() {
        return "Dataset of " + size() + " examples, " + format.describe() + ", " + numClasses + " classes";
    }
}
