package org.dltips.data;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.dltips.data.Fixtures.tinyFiles;
import static org.dltips.data.Fixtures.tinySpec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetTest {

    /** 30 raw images of 4x4 pixels; image i has every pixel 7 * i and the label i % 10. */
    private final Dataset raw = Loader.fromFiles(tinySpec(List.of(), null), tinyFiles()).train();

    /** The image number of each example, read back from its pixels, so that rows and labels can be matched. */
    private static int[] imageNumbers(Dataset set) {
        float[] x = set.featureArray();
        int[] numbers = new int[set.size()];
        for (int i = 0; i < numbers.length; i++) {
            float pixel = set.isScaled() ? x[i * set.inputSize()] * 255 : x[i * set.inputSize()];
            numbers[i] = Math.round(pixel / 7);
            assertEquals(numbers[i] % 10, set.labels()[i], "label travels with its row");
        }
        return numbers;
    }

    @Test
    void loadedImagesKnowTheirShapeScaleAndClassNames() {
        assertEquals(30, raw.size());
        assertEquals(16, raw.inputSize());
        assertEquals(4, raw.imageHeight());
        assertEquals(4, raw.imageWidth());
        assertEquals(PixelScale.RAW, raw.pixelScale());
        assertFalse(raw.isScaled());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), raw.classNames());
        assertEquals(21f, raw.featureArray()[3 * 16 + 15]);
        assertEquals("Dataset of 30 examples, 4x4 raw pixels 0..255, 10 classes", raw.toString());
    }

    @Test
    void scaledDividesBy255OnceAndRefusesASecondTime() {
        Dataset scaled = raw.scaled();
        assertEquals(PixelScale.SCALED, scaled.pixelScale());
        assertEquals(21f / 255f, scaled.featureArray()[3 * 16], 1e-7);
        var twice = assertThrows(IllegalStateException.class, scaled::scaled);
        assertEquals("scaled() divides raw pixels 0..255 by 255, but this dataset holds pixels scaled to [0, 1]. "
                + "Call scaled() once, on raw pixels: mnist.train().scaled().", twice.getMessage());
        Dataset features = new Dataset(new float[] {1, 2}, new int[] {0, 1}, 1, 2);
        assertEquals(PixelScale.NOT_PIXELS, features.pixelScale());
        assertThrows(IllegalStateException.class, features::scaled);
    }

    @Test
    void firstKeepsTheOrderAndChecksTheCount() {
        Dataset first = raw.first(12).scaled();
        assertArrayEquals(IntStream.range(0, 12).toArray(), imageNumbers(first));
        assertEquals(12 * 16, first.featureArray().length);
        var tooMany = assertThrows(IllegalArgumentException.class, () -> raw.first(31));
        assertEquals("first(31) asks for 31 examples, but 30 are available; expected a count from 1 to 30.",
                tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> raw.first(0));
    }

    @Test
    void shuffledIsASeededPermutationThatKeepsLabelsWithTheirRows() {
        int[] once = imageNumbers(raw.shuffled(7));
        assertArrayEquals(once, imageNumbers(raw.shuffled(7)), "same seed, same order");
        assertFalse(Arrays.equals(once, imageNumbers(raw.shuffled(8))), "another seed, another order");
        assertFalse(Arrays.equals(once, IntStream.range(0, 30).toArray()), "really shuffled");
        assertArrayEquals(IntStream.range(0, 30).toArray(), Arrays.stream(once).sorted().toArray());
        assertArrayEquals(IntStream.range(0, 30).toArray(), imageNumbers(raw), "the original is unchanged");
    }

    @Test
    void splitCutsAtTheFractionAndShufflesOnlyWhenAsked() {
        Split inOrder = raw.split(0.8);
        assertArrayEquals(IntStream.range(0, 24).toArray(), imageNumbers(inOrder.train()));
        assertArrayEquals(IntStream.range(24, 30).toArray(), imageNumbers(inOrder.validation()),
                "like Keras, the tail as it is");
        Split shuffled = raw.shuffled(7).split(0.8);
        int[] train = imageNumbers(shuffled.train());
        int[] validation = imageNumbers(shuffled.validation());
        assertEquals(24, train.length);
        assertEquals(6, validation.length);
        assertArrayEquals(imageNumbers(raw.shuffled(7).first(24)), train);
        int[] union = IntStream.concat(Arrays.stream(train), Arrays.stream(validation)).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 30).toArray(), union, "disjoint and complete");
        var bad = assertThrows(IllegalArgumentException.class, () -> raw.split(80));
        assertEquals("split(80.0) needs the training fraction strictly between 0 and 1, such as 0.8 for 80% "
                + "training and 20% validation.", bad.getMessage());
    }

    @Test
    void stratifiedKeepsEachClassShare() {
        int[] labels = new int[1000];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 500 ? 0 : i < 800 ? 1 : i < 950 ? 2 : 3;
        }
        float[] x = new float[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        Dataset skewed = new Dataset(x, labels, 1, 4);
        Dataset sample = skewed.stratified(100, 3);
        assertArrayEquals(new int[] {50, 30, 15, 5}, sample.classCounts());
        float[] picked = sample.featureArray();
        assertEquals(100, Arrays.stream(toInts(picked)).distinct().count(), "no example twice");
        for (int i = 0; i < 100; i++) {
            assertEquals(labels[(int) picked[i]], sample.labels()[i]);
        }
        assertArrayEquals(picked, skewed.stratified(100, 3).featureArray());
        assertFalse(Arrays.equals(picked, skewed.stratified(100, 4).featureArray()));
        assertArrayEquals(new int[] {4, 2, 1, 0}, skewed.stratified(7, 3).classCounts(),
                "7 * shares 3.5, 2.1, 1.05, 0.35: the leftover goes to the largest remainder");
    }

    private static int[] toInts(float[] values) {
        int[] ints = new int[values.length];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = (int) values[i];
        }
        return ints;
    }

    @Test
    void noiseIsStandardNormalInScaledSpaceAndRefusedOnRawPixels() {
        int n = 20_000;
        float[] half = new float[n * 10];
        Arrays.fill(half, 0.5f);
        Dataset gray = new Dataset(half, new int[n], 10, 1);
        Dataset noisy = gray.withNoise(1.0, 42);
        double sum = 0;
        double squares = 0;
        for (float v : noisy.featureArray()) {
            sum += v - 0.5;
            squares += (v - 0.5) * (v - 0.5);
        }
        double mean = sum / half.length;
        double std = Math.sqrt(squares / half.length - mean * mean);
        assertEquals(0, mean, 0.01);
        assertEquals(1, std, 0.01);
        assertArrayEquals(noisy.featureArray(), gray.withNoise(1.0, 42).featureArray(), "same seed, same noise");
        assertNotEquals(noisy.featureArray()[0], gray.withNoise(1.0, 43).featureArray()[0]);
        assertEquals(0.5f, gray.featureArray()[0], "the original is unchanged");
        assertEquals(PixelScale.SCALED, raw.scaled().withNoise(1.0, 1).pixelScale());
        var refused = assertThrows(IllegalStateException.class, () -> raw.withNoise(1.0, 42));
        assertEquals("withNoise(1.0, 42) adds noise in the scaled pixel space, but this dataset holds raw pixels "
                + "0..255, where it would be 255 times too weak. Scale first: test.scaled().withNoise(1.0, 42).",
                refused.getMessage());
    }

    @Test
    void classCountsAndTheShareOfTheMostCommonClass() {
        Dataset first13 = raw.first(13);
        assertArrayEquals(new int[] {2, 2, 2, 1, 1, 1, 1, 1, 1, 1}, first13.classCounts());
        assertEquals(0, first13.classBalance().mostCommonClass());
        assertEquals(2 / 13.0, first13.mostCommonShare(), 1e-12);
    }

    @Test
    void matricesForTheNetwork() {
        Dataset two = raw.first(2).scaled();
        assertArrayEquals(new long[] {2, 16}, two.features().shape());
        assertEquals(7f / 255f, two.features().getFloat(1, 5), 1e-7);
        assertArrayEquals(new long[] {2, 10}, two.oneHot().shape());
        assertEquals(1f, two.oneHot().getFloat(1, 1));
        assertEquals(2f, two.oneHot().sumNumber().floatValue(), "one 1 per row");
        assertTrue(two.features() == two.features(), "cached");
    }

    @Test
    void imageGridDrawsEightPerRowWithCaptions() {
        BufferedImage grid = raw.imageGrid(0, 10);
        assertEquals(4 + 8 * (4 * 3 + 4), grid.getWidth());
        assertEquals(4 + 2 * (4 * 3 + 16 + 4), grid.getHeight());
        assertEquals(0x000000, grid.getRGB(5, 5) & 0xFFFFFF, "image 0 is black");
        assertEquals(0x070707, grid.getRGB(4 + 16 + 1, 5) & 0xFFFFFF, "image 1 has pixels 7");
        assertEquals(0x232323, raw.scaled().imageGrid(5, 1).getRGB(5, 5) & 0xFFFFFF, "image 5 has pixels 35");
        assertThrows(IndexOutOfBoundsException.class, () -> raw.imageGrid(25, 10));
    }

    @Test
    void labelNoiseMakesExactlyTheAskedShareWrongAndKeepsTheImages() {
        Dataset scaled = raw.scaled();
        Dataset noisy = scaled.withLabelNoise(0.2, 5);
        int wrong = 0;
        for (int i = 0; i < noisy.size(); i++) {
            assertTrue(noisy.labels()[i] >= 0 && noisy.labels()[i] < 10);
            if (noisy.labels()[i] != scaled.labels()[i]) {
                wrong++;
            }
        }
        assertEquals(6, wrong, "20% of 30 examples get another class");
        assertArrayEquals(scaled.featureArray(), noisy.featureArray());
        assertTrue(noisy.isScaled());
        assertEquals(scaled.classNames(), noisy.classNames());
        assertArrayEquals(noisy.labels(), scaled.withLabelNoise(0.2, 5).labels(), "same seed, same mistakes");
        assertFalse(Arrays.equals(noisy.labels(), scaled.withLabelNoise(0.2, 6).labels()), "another seed, other mistakes");
        assertArrayEquals(scaled.labels(), scaled.withLabelNoise(0, 5).labels());
        Dataset allWrong = scaled.withLabelNoise(1.0, 5);
        assertTrue(IntStream.range(0, 30).allMatch(i -> allWrong.labels()[i] != scaled.labels()[i]));
        int[] counts = new int[10];
        Dataset many = new Dataset(new float[3000], new int[3000], 1, 3).withLabelNoise(1.0, 1);
        for (int label : many.labels()) {
            counts[label]++;
        }
        assertEquals(0, counts[0]);
        assertTrue(Math.abs(counts[1] - 1500) < 150 && Math.abs(counts[2] - 1500) < 150,
                "wrong labels spread evenly over the other classes: " + Arrays.toString(counts));
    }

    @Test
    void labelNoiseExplainsBadArguments() {
        assertEquals("withLabelNoise(1.5, seed) needs the share of wrong labels between 0 and 1, such as 0.2 for one "
                + "label in five.", assertThrows(IllegalArgumentException.class, () -> raw.withLabelNoise(1.5, 1)).getMessage());
        assertEquals("withLabelNoise needs at least 2 classes to make a label wrong, but this set has 1.",
                assertThrows(IllegalArgumentException.class,
                        () -> new Dataset(new float[2], new int[2], 1, 1).withLabelNoise(0.5, 1)).getMessage());
    }
}
