package org.dltips.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Objects;

/**
 * A labelled set of examples held in memory: one row of float features per example and one class label.
 *
 * <p>{@code Dataset train = Mnist.load().train().first(10_000).scaled();}
 */
public final class Dataset {

    private final float[] features;
    private final int[] labels;
    private final int inputSize;
    private final int numClasses;
    private INDArray featureMatrix;
    private INDArray oneHotMatrix;

    /**
     * Wraps row-major features ({@code labels.length} rows of {@code inputSize} values) and class labels in
     * {@code [0, numClasses)}. The arrays are used as they are, not copied.
     */
    public Dataset(float[] features, int[] labels, int inputSize, int numClasses) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        if (inputSize <= 0 || numClasses <= 0) {
            throw new IllegalArgumentException("inputSize and numClasses must be positive, got "
                    + inputSize + " and " + numClasses);
        }
        if ((long) labels.length * inputSize != features.length) {
            throw new IllegalArgumentException("features hold " + features.length + " values but "
                    + labels.length + " examples of " + inputSize + " inputs need "
                    + (long) labels.length * inputSize);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("label " + labels[i] + " of example " + i
                        + " is outside [0, " + numClasses + ")");
            }
        }
        this.features = features;
        this.labels = labels;
        this.inputSize = inputSize;
        this.numClasses = numClasses;
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

    /** Raw feature values, row-major; the array is shared, do not modify it. */
    public float[] featureArray() {
        return features;
    }

    /** Features as a float32 matrix of shape [size, inputSize], created once and cached. */
    public synchronized INDArray features() {
        if (featureMatrix == null) {
            featureMatrix = Nd4j.create(features, new long[] {labels.length, inputSize}, DataType.FLOAT);
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
}
