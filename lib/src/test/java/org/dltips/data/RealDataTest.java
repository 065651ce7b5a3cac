package org.dltips.data;

import org.dltips.data.internal.DataSettings;
import org.dltips.data.internal.DatasetSpec;
import org.dltips.data.internal.Resolver;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real MNIST and Fashion-MNIST, when this machine has them (fetch once with
 * {@code Datasets fetch mnist fashion-mnist}); skipped otherwise. Checks the numbers the lecture relies on.
 */
class RealDataTest {

    @TempDir
    Path dir;

    private static ImageSet loadOrSkip(Supplier<ImageSet> load) {
        try {
            return load.get();
        } catch (DataUnavailableException e) {
            Assumptions.abort("real data not available here: " + e.getMessage());
            return null;
        }
    }

    @Test
    void mnistHasTheLectureShares() throws IOException {
        ImageSet mnist = loadOrSkip(Mnist::load);
        assertEquals(60_000, mnist.train().size());
        assertEquals(10_000, mnist.test().size());
        assertEquals(28, mnist.train().imageHeight());
        assertEquals(784, mnist.train().inputSize());
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, Arrays.copyOf(mnist.train().labels(), 10));

        Dataset train = mnist.train().first(10_000).scaled();
        Dataset test = mnist.test().scaled();
        assertEquals(1, train.classBalance().mostCommonClass());
        assertEquals(0.1127, train.mostCommonShare(), 1e-12);
        assertEquals(0.1135, test.mostCommonShare(), 1e-12);
        assertEquals(0.1070, train.classCounts()[7] / 10_000.0, 1e-12);
        assertEquals(0.1028, test.classCounts()[7] / 10_000.0, 1e-12);
        assertEquals(112, mnist.train().stratified(1_000, 3).classCounts()[1], "6742 of 60000 ones");

        float max = 0;
        for (float v : train.featureArray()) {
            max = Math.max(max, v);
        }
        assertEquals(1f, max);
        Path png = Path.of("target", "mnist-grid.png");
        Files.createDirectories(png.getParent());
        ImageIO.write(train.imageGrid(0, 32), "png", png.toFile());
        ImageIO.write(test.withNoise(1.0, 42).imageGrid(0, 16), "png", Path.of("target", "mnist-noisy.png").toFile());
    }

    /**
     * A load from the cache reads, verifies and converts every image; its time is printed, not asserted (a timed
     * assertion fails on a busy machine, not on slow code).
     */
    @Test
    void loadingFromTheCacheReadsEveryImage() {
        loadOrSkip(Mnist::load);
        double best = Double.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            Resolver resolver = new Resolver(DataSettings.fromEnvironment(), note -> { });
            long start = System.nanoTime();
            ImageSet fresh = Loader.fromFiles(DatasetSpec.MNIST, resolver.resolve(DatasetSpec.MNIST));
            float[] pixels = fresh.train().scaled().featureArray();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("MNIST read, verified and 60 000 images converted to floats in %.3f s from %s%n",
                    seconds, resolver.lastSources());
            assertEquals(60_000 * 784, pixels.length);
            assertArrayEquals(new int[] {5, 0, 4, 1, 9}, java.util.Arrays.copyOf(fresh.train().labels(), 5));
            best = Math.min(best, seconds);
        }
        System.out.printf("best of three: %.3f s%n", best);
    }

    @Test
    void fashionMnistHasItsClassNames() throws IOException {
        ImageSet fashion = loadOrSkip(FashionMnist::load);
        assertEquals(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
                "Bag", "Ankle boot"), fashion.classNames());
        assertEquals(60_000, fashion.train().size());
        int[] balanced = new int[10];
        Arrays.fill(balanced, 1_000);
        assertArrayEquals(balanced, fashion.test().classCounts());
        assertEquals(9, fashion.train().labels()[0], "the first training image is an ankle boot");
        ImageIO.write(fashion.train().imageGrid(0, 16), "png", Path.of("target", "fashion-grid.png").toFile());
    }

    @Test
    void fetchCommandSaysWhereTheFilesCameFrom() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")),
                "Debian's Fashion-MNIST is installed");
        DataSettings settings = new DataSettings(null, dir.resolve("cache"), false, "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Datasets.run(List.of("fetch", "fashion-mnist"), settings, new PrintStream(out),
                new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, status);
        assertTrue(out.toString().matches("Fashion-MNIST: 4 files verified \\(SHA-256\\) in [0-9.]+ s, from system "
                + "directory /usr/share/datasets/fashion-mnist\n"), out.toString());
    }
}
