package org.dltips.data.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of MNIST-like data sets: a 4-byte magic number (0, 0, type 0x08 for unsigned bytes,
 * number of dimensions), one big-endian int per dimension, then the values.
 *
 * <p>{@code IdxArray labels = IdxCodec.parse(IdxCodec.readUncompressed(path), path.toString());}
 */
public final class IdxCodec {

    private static final int UNSIGNED_BYTE = 0x08;

    private IdxCodec() {
    }

    /** The bytes of a file, decompressed when it starts with the gzip signature (whatever its name). */
    public static byte[] readUncompressed(Path file) throws IOException {
        return uncompress(Files.readAllBytes(file), file.toString());
    }

    /** {@code bytes} decompressed when they start with the gzip signature, otherwise {@code bytes} itself. */
    public static byte[] uncompress(byte[] bytes, String source) throws IOException {
        if (bytes.length < 2 || (bytes[0] & 0xFF) != 0x1F || (bytes[1] & 0xFF) != 0x8B) {
            return bytes;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IOException(source + " is a damaged gzip file (" + e.getMessage()
                    + "); expected a complete .gz file or a plain IDX file. Delete it and fetch it again.", e);
        }
    }

    /**
     * Parses uncompressed IDX bytes, checking the magic number, the dimensions and the length.
     *
     * @throws IllegalArgumentException saying what was found and what was expected
     */
    public static IdxArray parse(byte[] bytes, String source) {
        if (bytes.length < 4) {
            throw new IllegalArgumentException(source + " is not an IDX file: it holds " + bytes.length
                    + " bytes, expected at least a 4-byte header. Delete it and fetch it again.");
        }
        int type = bytes[2] & 0xFF;
        int rank = bytes[3] & 0xFF;
        if (bytes[0] != 0 || bytes[1] != 0 || type != UNSIGNED_BYTE || rank < 1 || rank > 4) {
            throw new IllegalArgumentException(String.format(
                    "%s is not an IDX file of unsigned bytes: magic number 0x%02X%02X%02X%02X, expected 0x000008"
                            + "01 to 0x00000804 (for example 0x00000803 for images, 0x00000801 for labels). "
                            + "Check that the file is an MNIST-style IDX file, or delete it and fetch it again.",
                    source, bytes[0], bytes[1], bytes[2], bytes[3]));
        }
        int header = 4 + 4 * rank;
        if (bytes.length < header) {
            throw truncated(source, bytes.length, header);
        }
        int[] dims = new int[rank];
        long values = 1;
        for (int i = 0; i < rank; i++) {
            int p = 4 + 4 * i;
            dims[i] = ((bytes[p] & 0xFF) << 24) | ((bytes[p + 1] & 0xFF) << 16)
                    | ((bytes[p + 2] & 0xFF) << 8) | (bytes[p + 3] & 0xFF);
            if (dims[i] <= 0) {
                throw new IllegalArgumentException(source + " declares dimension " + i + " as " + dims[i]
                        + ", expected a positive size. The file is damaged: delete it and fetch it again.");
            }
            values *= dims[i];
        }
        long expected = header + values;
        if (bytes.length != expected) {
            if (bytes.length < expected) {
                throw truncated(source, bytes.length, expected);
            }
            throw new IllegalArgumentException(source + " holds " + bytes.length + " bytes but its header "
                    + shape(dims) + " needs exactly " + expected
                    + ". The file is damaged: delete it and fetch it again.");
        }
        return new IdxArray(dims, bytes, header);
    }

    private static IllegalArgumentException truncated(String source, long actual, long expected) {
        return new IllegalArgumentException(source + " is truncated: " + actual + " bytes, expected " + expected
                + ". The file is incomplete (an interrupted download?): delete it and fetch it again.");
    }

    private static String shape(int[] dims) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            text.append(i == 0 ? "" : " x ").append(dims[i]);
        }
        return text.append(']').toString();
    }
}
