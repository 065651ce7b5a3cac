package org.dltips.data.internal;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The feature rows of a data set: either float values, or unsigned-byte pixels (as read from an IDX file) with
 * a list of chosen rows and a factor, turned into floats only when asked. Subsets and scaling of byte pixels
 * therefore cost no float copies until a model needs them.
 *
 * <p>{@code float[] x = FeatureStore.ofBytes(pixels, 16, 784, 60_000).select(firstRows).times(1 / 255f).toFloats();}
 */
public final class FeatureStore {

    private final float[] values;
    private final byte[] bytes;
    private final int offset;
    private final int[] rows;
    private final float factor;
    private final int rowSize;
    private final int rowCount;
    private float[] floats;
    private INDArray matrix;

    private FeatureStore(float[] values, byte[] bytes, int offset, int[] rows, float factor, int rowSize,
                         int rowCount) {
        this.values = values;
        this.bytes = bytes;
        this.offset = offset;
        this.rows = rows;
        this.factor = factor;
        this.rowSize = rowSize;
        this.rowCount = rowCount;
    }

    /** Float rows, used as they are (not copied). */
    public static FeatureStore ofFloats(float[] values, int rowSize) {
        return new FeatureStore(values, null, 0, null, 1f, rowSize, values.length / rowSize);
    }

    /** {@code rowCount} rows of {@code rowSize} unsigned bytes starting at {@code offset} (not copied). */
    public static FeatureStore ofBytes(byte[] bytes, int offset, int rowSize, int rowCount) {
        return new FeatureStore(null, bytes, offset, null, 1f, rowSize, rowCount);
    }

    /** Number of rows. */
    public int rowCount() {
        return rowCount;
    }

    /** The rows at {@code picked}, in that order. */
    public FeatureStore select(int[] picked) {
        if (values != null) {
            float[] gathered = new float[picked.length * rowSize];
            for (int i = 0; i < picked.length; i++) {
                System.arraycopy(values, picked[i] * rowSize, gathered, i * rowSize, rowSize);
            }
            return ofFloats(gathered, rowSize);
        }
        int[] composed = new int[picked.length];
        for (int i = 0; i < picked.length; i++) {
            composed[i] = rows == null ? picked[i] : rows[picked[i]];
        }
        return new FeatureStore(null, bytes, offset, composed, factor, rowSize, picked.length);
    }

    /** Every value multiplied by {@code by}. */
    public FeatureStore times(float by) {
        if (values == null) {
            return new FeatureStore(null, bytes, offset, rows, factor * by, rowSize, rowCount);
        }
        float[] scaled = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = values[i] * by;
        }
        return ofFloats(scaled, rowSize);
    }

    /** The rows as one row-major float array: the stored array itself for float rows, a new one for bytes. */
    public float[] toFloats() {
        if (values != null) {
            return values;
        }
        float[] out = new float[rowCount * rowSize];
        for (int r = 0; r < rowCount; r++) {
            int from = offset + (rows == null ? r : rows[r]) * rowSize;
            int to = r * rowSize;
            for (int c = 0; c < rowSize; c++) {
                out[to + c] = (bytes[from + c] & 0xFF) * factor;
            }
        }
        return out;
    }

    /** The rows as floats, computed once ({@link #toFloats()}) and kept; shared, do not modify. */
    public synchronized float[] floats() {
        if (floats == null) {
            floats = toFloats();
        }
        return floats;
    }

    /** The rows as a float32 matrix of shape [rowCount, rowSize], created once and kept. */
    public synchronized INDArray matrix() {
        if (matrix == null) {
            matrix = Matrices.of(floats(), rowCount, rowSize);
        }
        return matrix;
    }

    /** Copies row {@code row} into {@code into} (of length at least the row size). */
    public void copyRow(int row, float[] into) {
        if (values != null) {
            System.arraycopy(values, row * rowSize, into, 0, rowSize);
            return;
        }
        int from = offset + (rows == null ? row : rows[row]) * rowSize;
        for (int c = 0; c < rowSize; c++) {
            into[c] = (bytes[from + c] & 0xFF) * factor;
        }
    }
}
