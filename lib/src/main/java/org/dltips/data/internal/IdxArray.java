package org.dltips.data.internal;

/**
 * An unsigned-byte array read from an IDX file: its dimensions and its values, which start at {@code offset}
 * in {@code bytes} (the file header comes first and is not copied away).
 *
 * <p>{@code IdxArray images = IdxCodec.parse(bytes, "train-images-idx3-ubyte"); images.dims(); // [60000, 28, 28]}
 */
public record IdxArray(int[] dims, byte[] bytes, int offset) {

    /** Number of items: the first dimension. */
    public int count() {
        return dims[0];
    }

    /** Values per item: the product of every dimension after the first (784 for 28x28 images, 1 for labels). */
    public int itemSize() {
        int size = 1;
        for (int i = 1; i < dims.length; i++) {
            size *= dims[i];
        }
        return size;
    }

    /** The values as labels: one unsigned byte per item, as ints. */
    public int[] toLabels() {
        int[] labels = new int[count()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = bytes[offset + i] & 0xFF;
        }
        return labels;
    }
}
