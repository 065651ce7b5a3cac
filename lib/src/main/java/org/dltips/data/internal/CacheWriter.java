package org.dltips.data.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Saves verified files into the cache so that a file appears under its final name complete or not at all:
 * written to a temporary file in the same directory, then moved into place atomically.
 *
 * <p>{@code CacheWriter.store(cacheDirectory, "train-labels-idx1-ubyte", bytes);}
 */
final class CacheWriter {

    private CacheWriter() {
    }

    private static void readableByAll(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the default permissions stay
        }
    }

    /** Writes {@code bytes} as {@code directory/file}, replacing any file of that name. */
    static void store(Path directory, String file, byte[] bytes) throws IOException {
        Files.createDirectories(directory);
        Path part = Files.createTempFile(directory, file + ".", ".part");
        try {
            Files.write(part, bytes);
            readableByAll(part);
            try {
                Files.move(part, directory.resolve(file), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, directory.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(part);
        }
        Files.deleteIfExists(directory.resolve(file + ".gz"));
    }

    /**
     * Why {@link #store} failed for {@code directory}, and how to fix it, as one sentence each:
     * {@code "the directory /c/mnist is not writable for user ann. ... make /c/mnist writable for ann ..."}.
     * Looks at the nearest part of the path that exists: a read-only directory or a file in the way.
     */
    static String explainFailure(Path directory, IOException error) {
        Path existing = directory.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        String user = System.getProperty("user.name");
        String keep = " Using the files from memory this time, so the next load fetches them again. To keep them, ";
        String elsewhere = "or set DLTIPS_CACHE (or -Ddltips.cache) to a writable directory.";
        boolean exists = existing != null && existing.equals(directory.toAbsolutePath());
        String what = exists ? "" : "the directory " + directory + " cannot be created: ";
        if (existing != null && !Files.isDirectory(existing)) {
            return what + existing + " is a file, not a directory." + keep + "move that file out of the way, "
                    + elsewhere;
        }
        if ((existing != null && !Files.isWritable(existing)) || error instanceof AccessDeniedException) {
            Path culprit = existing == null ? directory : existing;
            return what + (exists ? "the directory " : "") + culprit + " is not writable for user " + user + "."
                    + keep + "make " + culprit + " writable for " + user + " (chmod or chown it), " + elsewhere;
        }
        return "writing to the directory " + directory + " failed with " + error.getClass().getSimpleName() + ": "
                + error.getMessage() + "." + keep + "fix that, " + elsewhere;
    }
}
