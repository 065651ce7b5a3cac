package org.dltips.data.internal;

/**
 * Compares a file's uncompressed bytes with the SHA-256 the data set expects.
 *
 * <p>{@code String problem = Verifier.problem(spec, "train-labels-idx1-ubyte", bytes, "/tmp/x"); // null when fine}
 */
final class Verifier {

    private Verifier() {
    }

    /** Null when {@code bytes} have the expected checksum, otherwise a sentence saying what differs. */
    static String problem(DatasetSpec spec, String file, byte[] bytes, String where) {
        String expected = spec.checksum(file);
        String actual = Sha256.hex(bytes);
        if (actual.equals(expected)) {
            return null;
        }
        return where + " has the wrong checksum: SHA-256 of its " + bytes.length + " uncompressed bytes is "
                + actual + ", expected " + expected + " (a damaged, partial or different file)";
    }
}
