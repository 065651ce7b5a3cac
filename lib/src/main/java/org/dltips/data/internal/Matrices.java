package org.dltips.data.internal;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The float32 matrices a network takes: features and one-hot labels.
 *
 * <p>{@code INDArray y = Matrices.oneHot(new int[] {5, 0}, 10); // [2, 10]}
 */
public final class Matrices {

    private Matrices() {
    }

    /** A float32 matrix of shape [rows, columns] over the row-major {@code values}. */
    public static INDArray of(float[] values, int rows, int columns) {
        return Nd4j.create(values, new long[] {rows, columns}, DataType.FLOAT);
    }

    /** Labels one-hot encoded as a float32 matrix of shape [labels.length, numClasses]. */
    public static INDArray oneHot(int[] labels, int numClasses) {
        return of(oneHotValues(labels, numClasses), labels.length, numClasses);
    }

    /** Labels one-hot encoded as row-major floats, {@code numClasses} per label. */
    public static float[] oneHotValues(int[] labels, int numClasses) {
        float[] hot = new float[labels.length * numClasses];
        for (int i = 0; i < labels.length; i++) {
            hot[i * numClasses + labels[i]] = 1f;
        }
        return hot;
    }
}
