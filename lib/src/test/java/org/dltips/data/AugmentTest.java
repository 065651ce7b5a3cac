package org.dltips.data;

import org.dltips.data.internal.FeatureStore;
import org.dltips.data.internal.Warp;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AugmentTest {

    static final int SIDE = 9;

    /** {@code n} scaled SIDE x SIDE images with random pixels in a 5x5 centre (a border of 2 black pixels). */
    static Dataset images(int n, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[n * SIDE * SIDE];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            for (int r = 2; r < SIDE - 2; r++) {
                for (int c = 2; c < SIDE - 2; c++) {
                    pixels[i * SIDE * SIDE + r * SIDE + c] = random.nextFloat();
                }
            }
        }
        return new Dataset(FeatureStore.ofFloats(pixels, SIDE * SIDE), labels, SIDE * SIDE, 10,
                new ImageFormat(SIDE, SIDE, PixelScale.SCALED, Checks.numberNames(10)));
    }

    static float[] row(Dataset set, int i) {
        return Arrays.copyOfRange(set.featureArray(), i * set.inputSize(), (i + 1) * set.inputSize());
    }

    @Test
    void aShiftMovesAKnownPixelRightAndDownAndFillsWithBackground() {
        float[] image = new float[5 * 5];
        image[1 * 5 + 1] = 0.8f;
        image[4 * 5 + 4] = 0.5f;
        float[] moved = Warp.apply(image, 5, 5, 2, 1, 0);
        float[] expected = new float[5 * 5];
        expected[2 * 5 + 3] = 0.8f; // row 1 + 1, column 1 + 2; the corner pixel left the picture
        assertArrayEquals(expected, moved);
        float[] back = Warp.apply(image, 5, 5, -1, -1, 0);
        assertEquals(0.8f, back[0]);
        assertEquals(0.5f, back[3 * 5 + 3]);
        assertEquals(0f, back[4 * 5 + 4], "pixels from outside the image are background");
    }

    @Test
    void rotationByZeroIsTheIdentityAndTurnsAreCounterClockwiseAboutTheCentre() {
        Dataset one = images(1, 3);
        float[] image = row(one, 0);
        assertArrayEquals(image, Warp.apply(image, SIDE, SIDE, 0, 0, 0));
        float[] square = new float[4 * 4];
        square[3] = 1f; // top right corner
        float[] turned = Warp.apply(square, 4, 4, 0, 0, 90);
        assertEquals(1f, turned[0], 1e-5, "a quarter turn counter-clockwise takes the top right to the top left");
        assertEquals(0f, turned[3], 1e-5);
        float[] small = Warp.apply(image, SIDE, SIDE, 0, 0, 7);
        int centre = SIDE / 2 * SIDE + SIDE / 2;
        assertEquals(image[centre], small[centre], 1e-6, "the centre stays put");
        assertFalse(Arrays.equals(image, small));
        float[] full = Warp.apply(image, SIDE, SIDE, 0, 0, 360);
        for (int k = 0; k < image.length; k++) {
            assertEquals(image[k], full[k], 1e-4);
        }
    }

    @Test
    void everyImageIsFollowedByItsCopiesEachAShiftOfItWithTheSameLabel() {
        Dataset train = images(6, 1);
        Dataset more = train.augmented(Augment.shift(2), 3, 11);
        assertEquals(24, more.size());
        assertEquals(PixelScale.SCALED, more.pixelScale());
        assertEquals(SIDE, more.imageHeight());
        int moved = 0;
        for (int i = 0; i < 6; i++) {
            float[] original = row(train, i);
            assertArrayEquals(original, row(more, 4 * i), "the original comes first");
            for (int k = 0; k < 4; k++) {
                assertEquals(train.labels()[i], more.labels()[4 * i + k], "the label is kept");
            }
            for (int k = 1; k <= 3; k++) {
                float[] copy = row(more, 4 * i + k);
                boolean found = false;
                for (int dx = -2; dx <= 2 && !found; dx++) {
                    for (int dy = -2; dy <= 2 && !found; dy++) {
                        found = Arrays.equals(copy, Warp.apply(original, SIDE, SIDE, dx, dy, 0));
                        moved += found && (dx != 0 || dy != 0) ? 1 : 0;
                    }
                }
                assertTrue(found, "copy " + k + " of image " + i + " is the image shifted by at most 2 pixels");
            }
        }
        assertTrue(moved >= 12, "most copies really move: " + moved + " of 18");
    }

    @Test
    void rotationsKeepTheCentreAndNoneRepeatsTheImages() {
        Dataset train = images(5, 2);
        Dataset turned = train.augmented(Augment.none().rotate(15), 2, 4);
        int centre = SIDE / 2 * SIDE + SIDE / 2;
        for (int i = 0; i < 15; i++) {
            assertEquals(row(train, i / 3)[centre], row(turned, i)[centre], 1e-6);
        }
        assertFalse(Arrays.equals(row(turned, 0), row(turned, 1)));
        Dataset same = train.augmented(Augment.none(), 2, 4);
        for (int i = 0; i < 15; i++) {
            assertArrayEquals(row(train, i / 3), row(same, i));
        }
    }

    @Test
    void theSameSeedGivesTheSameCopiesAndAnotherSeedOthers() {
        Dataset train = images(8, 5);
        Augment recipe = Augment.shift(2).rotate(15);
        assertArrayEquals(train.augmented(recipe, 2, 7).featureArray(), train.augmented(recipe, 2, 7).featureArray());
        assertFalse(Arrays.equals(train.augmented(recipe, 2, 7).featureArray(),
                train.augmented(recipe, 2, 8).featureArray()));
    }

    @Test
    void rawPixelsStayRawAndCanBeScaledAfterwards() {
        Dataset raw = Loader.fromFiles(Fixtures.tinySpec(java.util.List.of(), null), Fixtures.tinyFiles()).train();
        Dataset more = raw.first(3).augmented(Augment.shift(1), 1, 1);
        assertEquals(PixelScale.RAW, more.pixelScale());
        assertEquals(6, more.size());
        assertEquals(PixelScale.SCALED, more.scaled().pixelScale());
        assertEquals("Augment.shift(1).rotate(15.0)", Augment.shift(1).rotate(15).toString());
        assertEquals("Augment.none()", Augment.none().toString());
    }

    @Test
    void badRecipesAndSetsSayWhatWasWrongAndHowToFixIt() {
        var negative = assertThrows(IllegalArgumentException.class, () -> Augment.shift(-2));
        assertEquals("shift(-2) needs the largest shift in pixels as a number >= 0; the direction is drawn at "
                + "random. Use shift(2) for shifts of up to 2 pixels left, right, up and down.", negative.getMessage());
        var angle = assertThrows(IllegalArgumentException.class, () -> Augment.shift(2).rotate(200));
        assertEquals("rotate(200.0) needs the largest angle in degrees from 0 to 180; the direction is drawn at "
                + "random. Small angles keep a digit's label: try rotate(15).", angle.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Augment.none().rotate(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Augment.none().rotate(-5));
        Dataset train = images(3, 1);
        var copies = assertThrows(IllegalArgumentException.class, () -> train.augmented(Augment.shift(2), 0, 1));
        assertEquals("augmented(Augment.shift(2), 0, 1) asks for 0 new copies of each example; expected 1 or more, "
                + "such as 4 for a set 5 times as large (the originals stay in).", copies.getMessage());
        var far = assertThrows(IllegalArgumentException.class, () -> train.augmented(Augment.shift(5), 1, 1));
        assertEquals("augmented(Augment.shift(5), ...) could shift a 9x9 image by 5 pixels, moving most of it out "
                + "of the picture. Use a shift below 5 pixels, such as shift(2) for 28x28 digits.", far.getMessage());
        Dataset features = new Dataset(new float[] {1, 2, 3, 4}, new int[] {0, 1}, 2, 2);
        var flat = assertThrows(IllegalArgumentException.class, () -> features.augmented(Augment.shift(1), 1, 1));
        assertEquals("augmented(Augment.shift(1), 1, 1) moves the pixels of images, but this dataset holds features "
                + "(not pixels) in rows of 2 values, with no image shape. Augment a set of images, such as "
                + "Mnist.load().train().first(1_000).scaled().", flat.getMessage());
        assertThrows(NullPointerException.class, () -> train.augmented(null, 1, 1));
    }
}
