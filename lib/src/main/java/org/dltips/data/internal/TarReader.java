package org.dltips.data.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads chosen regular files out of a tar stream (ustar or old-style headers), such as the {@code .tgz} that
 * {@code npm pack} writes.
 *
 * <p>{@code Map<String, byte[]> files = TarReader.read(new GZIPInputStream(in), Set.of("package/data/x"));}
 */
public final class TarReader {

    private static final int BLOCK = 512;

    private TarReader() {
    }

    /**
     * Reads the whole stream and returns the content of every regular file whose path is in {@code wanted};
     * other entries are skipped.
     *
     * @throws IOException if the stream ends inside an entry or a header is damaged
     */
    public static Map<String, byte[]> read(InputStream in, Set<String> wanted) throws IOException {
        Map<String, byte[]> found = new HashMap<>();
        byte[] header = new byte[BLOCK];
        while (true) {
            int n = in.readNBytes(header, 0, BLOCK);
            if (n == 0 || isZero(header)) {
                return found;
            }
            if (n < BLOCK) {
                throw new IOException("tar archive ends inside a header: " + n + " of " + BLOCK + " bytes");
            }
            String name = text(header, 0, 100);
            String prefix = isUstar(header) ? text(header, 345, 155) : "";
            String path = prefix.isEmpty() ? name : prefix + "/" + name;
            long size = octal(header, 124, 12, path);
            char type = (char) header[156];
            boolean regular = type == '0' || type == '\0';
            if (regular && wanted.contains(path)) {
                if (size > Integer.MAX_VALUE - 16) {
                    throw new IOException("tar entry " + path + " is too large to read into memory: " + size);
                }
                byte[] content = in.readNBytes((int) size);
                if (content.length < size) {
                    throw new IOException("tar archive ends inside " + path + ": " + content.length + " of "
                            + size + " bytes");
                }
                found.put(path, content);
                skip(in, padding(size), path);
            } else {
                skip(in, size + padding(size), path);
            }
        }
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static void skip(InputStream in, long count, String path) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("tar archive ends inside " + path);
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUstar(byte[] header) {
        return text(header, 257, 5).equals("ustar");
    }

    private static String text(byte[] header, int from, int length) {
        int end = from;
        while (end < from + length && header[end] != 0) {
            end++;
        }
        return new String(header, from, end - from, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int from, int length, String path) throws IOException {
        String digits = text(header, from, length).trim();
        try {
            return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
        } catch (NumberFormatException e) {
            throw new IOException("tar header of " + path + " has a damaged size field '" + digits + "'", e);
        }
    }
}
