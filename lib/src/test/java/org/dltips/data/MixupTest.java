package org.dltips.data;

import org.dltips.data.internal.Mixing;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MixupTest {

    /** {@code n} examples whose features are the identity matrix (example i has a 1 at feature i), 3 classes. */
    private static Dataset identity(int n) {
        float[] x = new float[n * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            x[i * n + i] = 1f;
            labels[i] = i % 3;
        }
        return new Dataset(x, labels, n, 3);
    }

    @Test
    void everyMixedRowIsTheStatedConvexCombinationOfTwoExamplesAndTheirLabels() {
        int n = 12;
        Dataset data = identity(n);
        Dataset mixed = data.mixup(0.4, 3, 5);
        assertEquals(n * 4, mixed.size());
        assertTrue(mixed.isMixed());
        assertFalse(data.isMixed());
        float[] x = mixed.featureArray();
        float[] t = mixed.targets().ravel().toFloatVector();
        int reallyMixed = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k <= 3; k++) {
                int row = 4 * i + k;
                float lambda = x[row * n + i];
                int partner = -1;
                for (int j = 0; j < n; j++) {
                    if (j != i && x[row * n + j] != 0f) {
                        assertEquals(-1, partner, "at most one partner");
                        partner = j;
                    }
                }
                if (k == 0) {
                    assertEquals(1f, lambda, "the original comes first, unmixed");
                    assertEquals(-1, partner);
                }
                assertTrue(lambda >= 0 && lambda <= 1);
                float[] expected = new float[3];
                expected[data.labels()[i]] += partner < 0 ? 1f : lambda;
                if (partner >= 0) {
                    assertEquals(1 - lambda, x[row * n + partner], 1e-6, "the weights add up to 1");
                    expected[data.labels()[partner]] += 1 - lambda;
                    reallyMixed++;
                }
                for (int c = 0; c < 3; c++) {
                    assertEquals(expected[c], t[row * 3 + c], 1e-6, "target of row " + row + ", class " + c);
                }
                int largest = expected[0] >= expected[1] && expected[0] >= expected[2] ? 0
                        : expected[1] >= expected[2] ? 1 : 2;
                assertEquals(largest, mixed.labels()[row], "the label is the class with the largest share");
            }
        }
        assertTrue(reallyMixed >= 24, "most copies mix two examples: " + reallyMixed + " of 36");
    }

    @Test
    void theSameSeedMixesTheSameWayAndAnotherSeedOtherwise() {
        Dataset data = identity(10);
        assertArrayEquals(data.mixup(0.2, 2, 3).featureArray(), data.mixup(0.2, 2, 3).featureArray());
        assertArrayEquals(data.mixup(0.2, 2, 3).targets().ravel().toFloatVector(), data.mixup(0.2, 2, 3).targets().ravel().toFloatVector());
        assertFalse(Arrays.equals(data.mixup(0.2, 2, 3).featureArray(), data.mixup(0.2, 2, 4).featureArray()));
    }

    @Test
    void betaDrawsHaveTheMeanAndSpreadOfBetaAlphaAlpha() {
        for (double alpha : new double[] {0.2, 1.0, 4.0}) {
            Random random = new Random(1);
            double sum = 0;
            double squares = 0;
            int draws = 40_000;
            for (int i = 0; i < draws; i++) {
                double lambda = Mixing.beta(alpha, random);
                assertTrue(lambda >= 0 && lambda <= 1);
                sum += lambda;
                squares += lambda * lambda;
            }
            double mean = sum / draws;
            double variance = squares / draws - mean * mean;
            assertEquals(0.5, mean, 0.01, "alpha " + alpha);
            assertEquals(1 / (4 * (2 * alpha + 1)), variance, 0.006, "alpha " + alpha);
        }
        Random random = new Random(2);
        for (int i = 0; i < 1000; i++) {
            double lambda = Mixing.beta(1e-4, random);
            assertTrue(lambda == 0 || lambda == 1 || (lambda > 0 && lambda < 1), "tiny alpha still gives a weight");
        }
    }

    @Test
    void subsetsScalingAndAugmentingKeepTheMixedTargets() {
        Dataset images = AugmentTest.images(6, 1);
        Dataset mixed = images.mixup(1.0, 1, 2);
        int[] order = {3, 0, 11};
        Dataset picked = mixed.select(order);
        assertTrue(picked.isMixed());
        for (int r = 0; r < order.length; r++) {
            for (int c = 0; c < 10; c++) {
                assertEquals(mixed.targets().getFloat(order[r], c), picked.targets().getFloat(r, c));
            }
        }
        assertTrue(mixed.shuffled(3).isMixed());
        Dataset moved = mixed.augmented(Augment.shift(1), 1, 1);
        assertTrue(moved.isMixed());
        assertEquals(mixed.targets().getFloat(3, mixed.labels()[3]), moved.targets().getFloat(7, mixed.labels()[3]));
        assertEquals(mixed.targets().getFloat(3, mixed.labels()[3]), moved.targets().getFloat(6, mixed.labels()[3]));
        assertArrayEquals(images.oneHot().ravel().toFloatVector(), images.targets().ravel().toFloatVector(), "unmixed: one-hot");
        assertTrue(mixed.toString().endsWith(", 10 classes, mixed labels"), mixed.toString());
    }

    @Test
    void mixedImagesAreCaptionedWithBothClassesAndTheirShares() {
        float[] targets = new float[20];
        targets[3] = 0.7f;
        targets[8] = 0.3f;
        targets[10 + 4] = 1f;
        var names = Checks.numberNames(10);
        assertEquals("3 .70 8 .30", Captions.mixed(targets, 0, names));
        assertEquals("4", Captions.mixed(targets, 1, names));
        assertTrue(AugmentTest.images(4, 1).mixup(1.0, 3, 1).imageGrid(0, 16).getHeight() > 0);
    }

    @Test
    void badAlphasAndCopiesSayWhatWasWrongAndHowToFixIt() {
        Dataset data = identity(4);
        for (double alpha : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> data.mixup(alpha, 1, 1));
        }
        var zero = assertThrows(IllegalArgumentException.class, () -> data.mixup(0, 4, 1));
        assertEquals("mixup(0.0, 4, 1) needs alpha > 0: the mixing weight is drawn from Beta(alpha, alpha). Small "
                + "values such as 0.2 mix a little (most weights near 0 or 1), alpha = 1 mixes uniformly.",
                zero.getMessage());
        var copies = assertThrows(IllegalArgumentException.class, () -> data.mixup(0.2, 0, 1));
        assertEquals("mixup(0.2, 0, 1) asks for 0 new copies of each example; expected 1 or more, such as 4 for a "
                + "set 5 times as large (the originals stay in).", copies.getMessage());
    }
}
