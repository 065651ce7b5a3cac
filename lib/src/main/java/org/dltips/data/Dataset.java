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
    private final float[] targets;
    private INDArray oneHotMatrix;
    private INDArray targetMatrix;

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
        this(store, labels, inputSize, numClasses, format, null);
    }

    private Dataset(FeatureStore store, int[] labels, int inputSize, int numClasses, ImageFormat format,
                    float[] targets) {
        this.store = store;
        this.labels = labels;
        this.inputSize = inputSize;
        this.numClasses = numClasses;
        this.format = format;
        this.targets = targets;
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

    /**
     * Class label of every example; the array is shared, do not modify it. In a {@linkplain #isMixed() mixed}
     * set, the class with the largest share of each example's target.
     */
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

    /**
     * What a network is trained to output, a float32 matrix of shape [size, numClasses]: the {@link #oneHot()}
     * labels, or in a {@linkplain #isMixed() mixed} set each example's mix of two labels, such as 0.7 for "3"
     * and 0.3 for "8". Cross-entropy takes such soft targets as they are.
     */
    public synchronized INDArray targets() {
        if (targets == null) {
            return oneHot();
        }
        if (targetMatrix == null) {
            targetMatrix = Matrices.of(targets, labels.length, numClasses);
        }
        return targetMatrix;
    }

    /**
     * True for a set made by {@link #mixup(double, int, long)}, whose targets are mixes of labels. Accuracy on
     * such examples means little (is a 70/30 mix of 3 and 8 "right" when the network says 3?), so {@code fit}
     * and {@code evaluate} report it as NaN: measure accuracy on the original images instead, with
     * {@code Fit.epochs(20).evaluateTrainingOn(train)}.
     */
    public boolean isMixed() {
        return targets != null;
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
        return withRows(store.select(indices), indices);
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
        return new Dataset(store.times(1f / 255f), labels, inputSize, numClasses, format.scaledCopy(), targets);
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
        return new Dataset(FeatureStore.ofFloats(noisy, inputSize), labels, inputSize, numClasses, format, targets);
    }

    /**
     * More images for free: each image followed by {@code copies} copies moved at random by {@code augment}
     * (drawn with {@code seed}), every copy keeping its image's label. Works on raw or scaled pixels.
     * Introduced in notebook 12, where {@code train.first(4).augmented(aug, 7, 1).imageGrid(0, 32)} shows
     * each digit next to its copies.
     *
     * <p>{@code Dataset more = train.augmented(Augment.shift(2).rotate(15), 4, 1); // 5 x train.size() images}
     *
     * @throws IllegalArgumentException if {@code copies < 1}, if the set holds no images, or if the shift
     *                                  would move most of an image out of the picture
     */
    public Dataset augmented(Augment augment, int copies, long seed) {
        Objects.requireNonNull(augment, "augment: pass a recipe such as Augment.shift(2).rotate(15)");
        Checks.checkCopies(copies, "augmented(" + augment + ", " + copies + ", " + seed + ")");
        return augment.applyTo(this, store, copies, seed);
    }

    /**
     * Mixup: each example followed by {@code copies} mixes of it with a partner drawn at random from the
     * set, {@code lambda * own + (1 - lambda) * partner} for the pixels and for the one-hot labels alike,
     * with a fresh {@code lambda} from Beta(alpha, alpha) for every mix (all drawn with {@code seed}). The
     * result {@linkplain #isMixed() is mixed}: train on it with cross-entropy, and measure training accuracy
     * on the original images. Introduced in notebook 12.
     *
     * <p>{@code Dataset mixed = train.mixup(0.2, 4, 1); net.fit(mixed, test, Fit.epochs(20).evaluateTrainingOn(train));}
     *
     * @throws IllegalArgumentException if {@code alpha <= 0} or {@code copies < 1}
     */
    public Dataset mixup(double alpha, int copies, long seed) {
        return Mixup.of(this, alpha, copies, seed);
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

    /**
     * Examples {@code from..from+count-1} drawn as an image grid, 8 per row, with class names underneath; a mixed
     * example shows its two classes with their shares, such as "3 .70 8 .30".
     */
    public BufferedImage imageGrid(int from, int count) {
        Objects.checkFromIndexSize(from, Checks.checkCount(count, size(), "imageGrid"), size());
        List<String> captions = Captions.of(labels, targets, classNames(), from, count);
        return ImageGrid.draw(store, captions, imageHeight(), imageWidth(), from, count, format.toUnit());
    }

    /** The rows at {@code rows} of this set, with their labels and targets, over features {@code picked}. */
    Dataset withRows(FeatureStore picked, int[] rows) {
        float[] pickedTargets = targets == null ? null : Checks.gatherRows(targets, numClasses, rows);
        return new Dataset(picked, Checks.gather(labels, rows), inputSize, numClasses, format, pickedTargets);
    }

    /** A mixed set of the same format over new features, labels and soft targets. */
    Dataset mixed(FeatureStore mixedFeatures, int[] mixedLabels, float[] mixedTargets) {
        return new Dataset(mixedFeatures, mixedLabels, inputSize, numClasses, format, mixedTargets);
    }

    /** The targets as row-major floats: the soft targets of a mixed set, else the one-hot labels (a new array). */
    float[] targetArray() {
        return targets != null ? targets : Matrices.oneHotValues(labels, numClasses);
    }

    @Override
    public String toString() {
        return "Dataset of " + size() + " examples, " + format.describe() + ", " + numClasses + " classes"
                + (isMixed() ? ", mixed labels" : "");
    }
}
