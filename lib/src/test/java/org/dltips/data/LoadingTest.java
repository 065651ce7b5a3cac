package org.dltips.data;

import org.dltips.data.internal.DataSettings;
import org.dltips.data.internal.DatasetSpec;
import org.dltips.data.internal.Resolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings, loading from one directory, files that do not fit together, and the fetch command. */
class LoadingTest {

    @TempDir
    Path dir;

    @Test
    void settingsComeFromPropertiesThenEnvironmentThenDefaults() {
        Map<String, String> properties = new HashMap<>();
        Map<String, String> environment = new HashMap<>();
        DataSettings defaults = DataSettings.from(properties::get, environment::get);
        assertEquals(null, defaults.dataDirectory());
        assertEquals(Path.of(System.getProperty("user.home"), ".cache", "dltips"), defaults.cacheRoot());
        assertTrue(defaults.allowDownload());
        assertEquals("npm", defaults.npmCommand());

        environment.put("HOME", "/home/student");
        assertEquals(Path.of("/home/student/.cache/dltips"), DataSettings.from(properties::get, environment::get)
                .cacheRoot(), "HOME, as Jupyter and the shell read it, comes before the password database's home");

        environment.put("XDG_CACHE_HOME", "/xdg");
        environment.put("DLTIPS_DATA", "/env-data");
        environment.put("DLTIPS_OFFLINE", "1");
        environment.put("DLTIPS_NPM", "");
        DataSettings fromEnvironment = DataSettings.from(properties::get, environment::get);
        assertEquals(Path.of("/xdg/dltips"), fromEnvironment.cacheRoot());
        assertEquals(Path.of("/env-data"), fromEnvironment.dataDirectory());
        assertFalse(fromEnvironment.allowDownload());
        assertEquals("", fromEnvironment.npmCommand());

        properties.put("dltips.data", "/property-data");
        properties.put("dltips.cache", "/property-cache");
        properties.put("dltips.offline", "false");
        DataSettings fromProperties = DataSettings.from(properties::get, environment::get);
        assertEquals(Path.of("/property-data"), fromProperties.dataDirectory());
        assertEquals(Path.of("/property-cache"), fromProperties.cacheRoot());
        assertTrue(fromProperties.allowDownload());
    }

    @Test
    void truncatedCachedFileIsNeverUsed() throws IOException {
        Path cache = dir.resolve("mnist");
        Files.createDirectories(cache);
        Fixtures.tinyFiles().forEach((name, bytes) -> write(cache.resolve(name), bytes));
        byte[] whole = Fixtures.tinyFiles().get(DatasetSpec.TRAIN_IMAGES);
        write(cache.resolve(DatasetSpec.TRAIN_IMAGES), Arrays.copyOf(whole, whole.length - 100));
        List<String> notes = new ArrayList<>();
        Resolver offline = new Resolver(new DataSettings(null, dir, false, ""), notes::add);

        var error = assertThrows(DataUnavailableException.class,
                () -> offline.resolve(Fixtures.tinySpec(List.of(), null)));

        assertTrue(error.getMessage().startsWith("MNIST is not available: no source provided "
                + "train-images-idx3-ubyte.\n"), error.getMessage());
        assertTrue(error.getMessage().contains("\n  2. cache " + cache + ": found 3 of 4 files; " + cache
                + "/train-images-idx3-ubyte has the wrong checksum: SHA-256 of its 396 uncompressed bytes is "),
                error.getMessage());
        assertFalse(Files.exists(cache.resolve(DatasetSpec.TRAIN_IMAGES)), "the damaged file is removed");
        assertEquals(1, notes.size());
    }

    @Test
    void leftoversOfAKilledDownloadAreRemovedOnceStale() throws IOException {
        Path cache = dir.resolve("mnist");
        Files.createDirectories(cache);
        Fixtures.tinyFiles().forEach((name, bytes) -> write(cache.resolve(name), bytes));
        Path stale = Files.writeString(cache.resolve("train-images-idx3-ubyte.gz.123.part"), "half");
        Files.setLastModifiedTime(stale, FileTime.fromMillis(System.currentTimeMillis() - 7_200_000L));
        Path running = Files.writeString(cache.resolve("train-images-idx3-ubyte.gz.456.part"), "in progress");
        new Resolver(new DataSettings(null, dir, false, ""), note -> { }).resolve(Fixtures.tinySpec(List.of(), null));
        assertFalse(Files.exists(stale), "two hours old: a killed download");
        assertTrue(Files.exists(running), "fresh: maybe another process is downloading right now");
    }

    @Test
    void loadsFromOneDirectoryAndSaysWhatIsMissingThere() throws IOException {
        DatasetSpec spec = Fixtures.tinySpec(List.of(), null);
        Fixtures.tinyFiles().forEach((name, bytes) -> write(dir.resolve(name + ".gz"), Fixtures.gzip(bytes)));
        ImageSet set = Loader.load(spec, dir);
        assertEquals("MNIST: 30 training and 10 test images of 4x4 pixels, classes [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]",
                set.toString());
        Files.delete(dir.resolve(DatasetSpec.TEST_LABELS + ".gz"));
        var error = assertThrows(DataUnavailableException.class, () -> Loader.load(spec, dir));
        assertEquals("MNIST could not be loaded from " + dir + ": found 3 of 4 files. Expected the files "
                + "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte "
                + "there, each plain or gzipped (.gz), with their published contents.", error.getMessage());
    }

    @Test
    void imagesAndLabelsMustHaveTheSameCount() {
        Map<String, byte[]> files = Fixtures.tinyFiles();
        files.put(DatasetSpec.TEST_LABELS, Fixtures.labels(9));
        var error = assertThrows(IllegalArgumentException.class,
                () -> Loader.fromFiles(DatasetSpec.MNIST, files));
        assertEquals("t10k-images-idx3-ubyte holds 10 images but t10k-labels-idx1-ubyte holds 9 labels; expected "
                + "the same count. Fetch both files again.", error.getMessage());
    }

    @Test
    void fetchCommandReportsUsageAndUnavailableData() {
        DataSettings nothing = new DataSettings(null, dir, false, "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, Datasets.run(List.of("fetch", "cifar"), nothing, new PrintStream(out), new PrintStream(err)));
        assertEquals("Usage: Datasets fetch <name>... with names from [fashion-mnist, mnist]; got [fetch, cifar]. "
                + "Example: Datasets fetch mnist fashion-mnist\n", err.toString());
        err.reset();
        assertEquals(1, Datasets.run(List.of("fetch", "mnist"), nothing, new PrintStream(out), new PrintStream(err)));
        assertTrue(err.toString().startsWith("MNIST is not available: no source provided "), err.toString());
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
