package org.dltips.data;

/**
 * What a data set's feature values are: raw pixels 0..255, pixels scaled to [0, 1], or other features.
 * Introduced in the normalization step of the lecture notebook, which trains once on raw pixels on purpose.
 *
 * <p>{@code mnist.train().pixelScale() == PixelScale.RAW && mnist.train().scaled().pixelScale() == PixelScale.SCALED}
 */
public enum PixelScale {
    /** Pixel values 0..255 as stored in the IDX file. */
    RAW("raw pixels 0..255"),
    /** Pixel values divided by 255, in [0, 1] (added noise may take them outside). */
    SCALED("pixels scaled to [0, 1]"),
    /** Values that are not image pixels, such as features built with the public {@link Dataset} constructor. */
    NOT_PIXELS("features (not pixels)");

    private final String description;

    PixelScale(String description) {
        this.description = description;
    }

    /** A short description for messages: {@code "raw pixels 0..255"}. */
    public String description() {
        return description;
    }
}
