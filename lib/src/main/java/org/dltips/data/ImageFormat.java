package org.dltips.data;

import java.util.List;

/**
 * Image size, value scale and class names of a data set: what every subset keeps from the set it came from.
 *
 * <p>{@code new ImageFormat(28, 28, PixelScale.RAW, Mnist.CLASS_NAMES).scaledCopy()}
 */
record ImageFormat(int height, int width, PixelScale scale, List<String> classNames) {

    /** The format of plain features: one row of {@code inputSize} values, class names "0", "1", .... */
    static ImageFormat features(int inputSize, int numClasses) {
        return new ImageFormat(1, inputSize, PixelScale.NOT_PIXELS, Checks.numberNames(numClasses));
    }

    /** Size and scale for messages: {@code "28x28 raw pixels 0..255"}. */
    String describe() {
        return height + "x" + width + " " + scale.description();
    }

    /** The same format with pixels scaled, after checking that they are raw now. */
    ImageFormat scaledCopy() {
        if (scale != PixelScale.RAW) {
            throw new IllegalStateException("scaled() divides raw pixels 0..255 by 255, but this dataset holds "
                    + scale.description() + ". Call scaled() once, on raw pixels: mnist.train().scaled().");
        }
        return new ImageFormat(height, width, PixelScale.SCALED, classNames);
    }

    /** Checks that noise may be added: not on raw pixels, and with a usable standard deviation. */
    void checkNoise(double stddev, long seed) {
        if (scale == PixelScale.RAW) {
            throw new IllegalStateException("withNoise(" + stddev + ", " + seed + ") adds noise in the scaled "
                    + "pixel space, but this dataset holds raw pixels 0..255, where it would be 255 times too weak. "
                    + "Scale first: test.scaled().withNoise(" + stddev + ", " + seed + ").");
        }
        if (!(stddev >= 0) || Double.isInfinite(stddev)) {
            throw new IllegalArgumentException("withNoise(" + stddev + ", " + seed + ") needs a standard deviation"
                    + " that is a finite number >= 0, such as 1.0 for the lecture's N(0, 1) noise.");
        }
    }

    /** The factor that brings values to [0, 1] for drawing, or 0 to stretch each image from its minimum to maximum. */
    float toUnit() {
        return switch (scale) {
            case RAW -> 1f / 255f;
            case SCALED -> 1f;
            case NOT_PIXELS -> 0f;
        };
    }
}
