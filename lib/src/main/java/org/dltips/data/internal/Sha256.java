package org.dltips.data.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 checksums as lower-case hex text.
 *
 * <p>{@code Sha256.hex(bytes).equals(DatasetSpec.MNIST.checksum("train-labels-idx1-ubyte"))}
 */
public final class Sha256 {

    private static final int CHUNK = 1 << 16;

    private Sha256() {
    }

    /**
     * The SHA-256 of {@code bytes} in lower-case hex. Fed in 64 KB pieces: the JIT compiles (and uses the CPU's
     * SHA instructions) only once a call returns, so one call over 47 MB would run three times slower, cold.
     */
    public static String hex(byte[] bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (int from = 0; from < bytes.length; from += CHUNK) {
                digest.update(bytes, from, Math.min(CHUNK, bytes.length - from));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256, which every Java 17 must provide", e);
        }
    }
}
