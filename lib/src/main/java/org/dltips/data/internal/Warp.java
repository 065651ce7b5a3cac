package org.dltips.data.internal;

/**
 * Moves the pixels of one image: a rotation about the image centre followed by a shift, sampled bilinearly;
 * pixels that come from outside the image get the background value 0 (black, as in MNIST).
 *
 * <p>{@code float[] moved = Warp.apply(pixels, 28, 28, 2, -1, 10.0); // 10° counter-clockwise, 2 right, 1 up}
 */
public final class Warp {

    private Warp() {
    }

    /**
     * A new image: {@code pixels} (row-major, {@code height x width}) turned by {@code degrees} counter-clockwise
     * as seen on screen, then moved {@code dx} pixels right and {@code dy} pixels down. With no rotation an
     * integer shift moves every pixel exactly; shift 0 and rotation 0 give an identical copy.
     */
    public static float[] apply(float[] pixels, int height, int width, double dx, double dy, double degrees) {
        float[] out = new float[height * width];
        double angle = Math.toRadians(degrees);
        double cos = degrees == 0 ? 1 : Math.cos(angle);
        double sin = degrees == 0 ? 0 : Math.sin(angle);
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double u = c - dx - cx;
                double v = r - dy - cy;
                double x = cx + u * cos - v * sin;
                double y = cy + u * sin + v * cos;
                out[r * width + c] = sample(pixels, height, width, x, y);
            }
        }
        return out;
    }

    /** Bilinear interpolation at column {@code x}, row {@code y}; outside the image counts as 0. */
    static float sample(float[] pixels, int height, int width, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        double value = (1 - fx) * (1 - fy) * pixel(pixels, height, width, y0, x0)
                + fx * (1 - fy) * pixel(pixels, height, width, y0, x0 + 1)
                + (1 - fx) * fy * pixel(pixels, height, width, y0 + 1, x0)
                + fx * fy * pixel(pixels, height, width, y0 + 1, x0 + 1);
        return (float) value;
    }

    private static float pixel(float[] pixels, int height, int width, int row, int column) {
        if (row < 0 || row >= height || column < 0 || column >= width) {
            return 0f;
        }
        return pixels[row * width + column];
    }
}
