package org.dltips.model.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Where measurements of the machine are kept between installs: small properties files under
 * {@code ~/.cache/dltips/tuning/} (the dataset cache's root), one per machine and question. Losing one only
 * costs a new measurement, so reading and writing never fail loudly.
 *
 * <p>{@code Path file = TuningCache.file("blas", machineKey); Properties known = TuningCache.read(file);}
 */
public final class TuningCache {

    private TuningCache() {
    }

    /** The directory the measurements are kept in, or null when there is no cache directory. */
    public static Path directory() {
        Path root = NativeTuning.cacheRoot();
        return root == null ? null : root.resolve("tuning");
    }

    /** The file for {@code topic} on the machine named by {@code key}, or null when there is no cache directory. */
    public static Path file(String topic, String key) {
        Path dir = directory();
        return dir == null ? null : dir.resolve(topic + "-" + Integer.toHexString(key.hashCode()) + ".properties");
    }

    /** The file's properties, or null when it is missing or unreadable. */
    public static Properties read(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            return p;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Writes through a temporary file renamed into place, so no reader sees half a file. */
    public static void write(Path file, Properties values, String comment) {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    values.store(out, comment);
                }
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            // a read-only or full cache: the next install measures again
        }
    }
}
