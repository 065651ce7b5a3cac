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

    private Sha256() {
    }

    /** The SHA-256 of {@code bytes} in lower-case hex. */
    public static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256, which every Java 17 must provide", e);
        }
    }
}
