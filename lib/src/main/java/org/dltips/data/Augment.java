package org.dltips.data;

import org.dltips.data.internal.FeatureStore;
import org.dltips.data.internal.Warp;

import java.util.Locale;
import java.util.Random;

/**
 * A recipe of small random moves that leave an image's label true: shifts by a few pixels and small rotations.
 * Immutable; {@link Dataset#augmented(Augment, int, long)} applies it. Introduced in the notebook on data
 * augmentation (12-more-data-for-free).
 *
 * <p>{@code Dataset more = train.augmented(Augment.shift(2).rotate(15), 4, 1); // 5 times as many images}
 *
 * <p>Each new copy draws its own horizontal and vertical shift, each a whole number of pixels from
 * {@code -maxShift} to {@code maxShift}, and its own angle, uniform between {@code -maxDegrees} and
 * {@code maxDegrees}. The image is turned about its centre, then shifted; pixels come from the original by
 * bilinear interpolation, and those that come from outside the image are 0, the black background of MNIST.
 * There are no flips on purpose: a mirrored digit is often no digit at all, and a 6 turned upside down is a 9.
 */
public final class Augment {

    private final int maxShift;
    private final double maxDegrees;

    private Augment(int maxShift, double maxDegrees) {
        this.maxShift = maxShift;
        this.maxDegrees = maxDegrees;
    }

    /**
     * No change at all: {@code train.augmented(Augment.none(), 4, 1)} holds every image 5 times. The start of
     * a rotation-only recipe: {@code Augment.none().rotate(15)}.
     */
    public static Augment none() {
        return new Augment(0, 0);
    }

    /** Random shifts of up to {@code maxPixels} pixels in each direction: {@code Augment.shift(2)}. */
    public static Augment shift(int maxPixels) {
        if (maxPixels < 0) {
            throw new IllegalArgumentException("shift(" + maxPixels + ") needs the largest shift in pixels as a "
                    + "number >= 0; the direction is drawn at random. Use shift(" + -maxPixels + ") for shifts of up "
                    + "to " + -maxPixels + " pixels left, right, up and down.");
        }
        return new Augment(maxPixels, 0);
    }

    /**
     * This recipe with rotations of up to {@code maxDegrees} degrees either way: {@code Augment.shift(2).rotate(15)},
     * or rotations alone with {@code Augment.none().rotate(15)}.
     */
    public Augment rotate(double maxDegrees) {
        if (!(maxDegrees >= 0 && maxDegrees <= 180)) {
            throw new IllegalArgumentException("rotate(" + maxDegrees + ") needs the largest angle in degrees "
                    + "from 0 to 180; the direction is drawn at random. Small angles keep a digit's label: "
                    + "try rotate(15).");
        }
        return new Augment(maxShift, maxDegrees);
    }

    /** The largest shift in pixels, in each direction. */
    public int maxShift() {
        return maxShift;
    }

    /** The largest rotation in degrees, either way. */
    public double maxDegrees() {
        return maxDegrees;
    }

    /** The set with each example followed by {@code copies} moved copies of it, labels kept. */
    Dataset applyTo(Dataset data, FeatureStore store, int copies, long seed) {
        if (data.pixelScale() == PixelScale.NOT_PIXELS || data.imageHeight() < 2) {
            throw new IllegalArgumentException("augmented(" + this + ", " + copies + ", " + seed + ") moves the "
                    + "pixels of images, but this dataset holds " + data.pixelScale().description() + " in rows of "
                    + data.inputSize() + " values, with no image shape. Augment a set of images, such as "
                    + "Mnist.load().train().first(1_000).scaled().");
        }
        int height = data.imageHeight();
        int width = data.imageWidth();
        if (2 * maxShift >= Math.min(height, width)) {
            throw new IllegalArgumentException("augmented(" + this + ", ...) could shift a " + height + "x" + width
                    + " image by " + maxShift + " pixels, moving most of it out of the picture. Use a shift below "
                    + (Math.min(height, width) + 1) / 2 + " pixels, such as shift(2) for 28x28 digits.");
        }
        int n = data.size();
        int size = height * width;
        int[] rows = new int[n * (copies + 1)];
        float[] out = new float[rows.length * size];
        float[] image = new float[size];
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            store.copyRow(i, image);
            int at = i * (copies + 1);
            System.arraycopy(image, 0, out, at * size, size);
            rows[at] = i;
            for (int k = 1; k <= copies; k++) {
                int dx = random.nextInt(2 * maxShift + 1) - maxShift;
                int dy = random.nextInt(2 * maxShift + 1) - maxShift;
                double degrees = (2 * random.nextDouble() - 1) * maxDegrees;
                System.arraycopy(Warp.apply(image, height, width, dx, dy, degrees), 0, out, (at + k) * size, size);
                rows[at + k] = i;
            }
        }
        return data.withRows(FeatureStore.ofFloats(out, size), rows);
    }

    /** {@code "Augment.shift(2).rotate(15.0)"}: the recipe as it is written. */
    @Override
    public String toString() {
        if (maxShift == 0 && maxDegrees == 0) {
            return "Augment.none()";
        }
        String text = "Augment";
        if (maxShift > 0) {
            text += ".shift(" + maxShift + ")";
        }
        if (maxDegrees > 0) {
            text += String.format(Locale.ROOT, ".rotate(%s)", maxDegrees);
        }
        return text;
    }
}
