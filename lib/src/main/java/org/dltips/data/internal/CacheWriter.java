package org.dltips.data.internal;

import java.io.IOException;
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
}
