package org.dltips.data;

import org.dltips.data.internal.DataSettings;
import org.dltips.data.internal.DatasetSpec;
import org.dltips.data.internal.Resolver;
import org.dltips.data.internal.Sha256;
import org.dltips.display.LiveDisplay;
import org.dltips.display.Output;
import org.dltips.display.OutputSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A long download shows its progress through {@link Output}: redrawn in place in a notebook, lines as text. */
class ProgressTest {

    @TempDir
    Path dir;

    @AfterEach
    void restoreOutput() {
        Output.setSink(null);
    }

    /** Records what library code shows: each show() starts a list, each update() appends to it. */
    private static final class RecordingSink implements OutputSink {
        final boolean notebook;
        final List<List<String>> outputs = new CopyOnWriteArrayList<>();

        RecordingSink(boolean notebook) {
            this.notebook = notebook;
        }

        @Override
        public boolean isNotebook() {
            return notebook;
        }

        @Override
        public LiveDisplay show(Object value) {
            List<String> versions = new CopyOnWriteArrayList<>(List.of(String.valueOf(value)));
            outputs.add(versions);
            return update -> versions.add(String.valueOf(update));
        }
    }

    /** The tiny files with 3 000 random (incompressible) training images: a 2.4 MB download. */
    private static Map<String, byte[]> bigFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>(Fixtures.tinyFiles());
        byte[] pixels = new byte[3_000 * 28 * 28];
        new Random(1).nextBytes(pixels);
        files.put(DatasetSpec.TRAIN_IMAGES, Fixtures.idx(new int[] {3_000, 28, 28}, pixels));
        files.put(DatasetSpec.TRAIN_LABELS, Fixtures.labels(3_000));
        return files;
    }

    private static RecordingSink download(boolean notebook, Path cache) throws IOException {
        Map<String, byte[]> files = bigFiles();
        Map<String, String> sums = new LinkedHashMap<>();
        files.forEach((name, bytes) -> sums.put(name, Sha256.hex(bytes)));
        RecordingSink sink = new RecordingSink(notebook);
        Output.setSink(sink);
        try (LoopbackServer server = new LoopbackServer(files)) {
            DatasetSpec spec = DatasetSpec.MNIST.withChecksums(sums)
                    .withSources(List.of(server.mirror("good")), List.of(), null);
            new Resolver(new DataSettings(null, cache, true, ""), note -> { }).resolve(spec);
        }
        return sink;
    }

    @Test
    void notebookShowsOneOutputRedrawnInPlace() throws IOException {
        RecordingSink sink = download(true, dir);
        assertEquals(1, sink.outputs.size(), "only the big file shows progress: " + sink.outputs);
        List<String> versions = sink.outputs.get(0);
        assertTrue(versions.get(0).startsWith("Downloading train-images-idx3-ubyte.gz ["), versions.get(0));
        String last = versions.get(versions.size() - 1);
        assertTrue(last.matches("Downloading train-images-idx3-ubyte.gz \\[#{20}] 100% of 2\\.4 MB done in "
                + "[0-9.]+ s"), last);
    }

    @Test
    void textShowsALinePerTenth() throws IOException {
        RecordingSink sink = download(false, dir);
        List<String> lines = sink.outputs.get(0);
        assertTrue(lines.size() >= 3 && lines.size() <= 12, lines.toString());
        assertTrue(lines.get(lines.size() - 2).contains("100% of 2.4 MB"), lines.toString());
        for (int i = 1; i < lines.size() - 1; i++) {
            int before = percent(lines.get(i - 1));
            int now = percent(lines.get(i));
            assertTrue(now / 10 > before / 10, "a new line only for a new tenth: " + lines);
        }
    }

    private static int percent(String line) {
        String digits = line.replaceAll(".*] +([0-9]+)% .*", "$1");
        return Integer.parseInt(digits);
    }
}
