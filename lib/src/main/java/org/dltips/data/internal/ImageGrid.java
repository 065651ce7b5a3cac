package org.dltips.data.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws examples as a grid of enlarged grayscale images, each with its class name underneath.
 *
 * <p>{@code BufferedImage grid = ImageGrid.draw(store, captions, 28, 28, 0, 32, 1 / 255f);}
 */
public final class ImageGrid {

    private static final int ZOOM = 3;
    private static final int COLUMNS = 8;
    private static final int GAP = 4;
    private static final int CAPTION = 16;

    private ImageGrid() {
    }

    /**
     * Draws examples {@code from..from+count-1}, example {@code from + k} captioned {@code captions.get(k)};
     * pixel values are multiplied by {@code toUnit} to bring them to
     * [0, 1] and clipped there (so noisy images still draw), or stretched from their own minimum to maximum when
     * {@code toUnit} is 0.
     */
    public static BufferedImage draw(FeatureStore store, List<String> captions, int height, int width,
                                     int from, int count, float toUnit) {
        int columns = Math.min(COLUMNS, count);
        int rows = (count + columns - 1) / columns;
        int cellWidth = width * ZOOM + GAP;
        int cellHeight = height * ZOOM + CAPTION + GAP;
        BufferedImage grid = new BufferedImage(GAP + columns * cellWidth, GAP + rows * cellHeight,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics metrics = g.getFontMetrics();
        float[] pixels = new float[height * width];
        for (int k = 0; k < count; k++) {
            int x0 = GAP + (k % columns) * cellWidth;
            int y0 = GAP + (k / columns) * cellHeight;
            store.copyRow(from + k, pixels);
            paint(grid, pixels, height, width, x0, y0, toUnit);
            String caption = captions.get(k);
            g.setColor(Color.DARK_GRAY);
            g.drawString(caption, x0 + (width * ZOOM - metrics.stringWidth(caption)) / 2,
                    y0 + height * ZOOM + metrics.getAscent() + 1);
        }
        g.dispose();
        return grid;
    }

    private static void paint(BufferedImage grid, float[] pixels, int height, int width, int x0, int y0,
                              float toUnit) {
        float scale = toUnit;
        float shift = 0f;
        if (toUnit == 0f) {
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (float p : pixels) {
                min = Math.min(min, p);
                max = Math.max(max, p);
            }
            scale = max > min ? 1f / (max - min) : 1f;
            shift = -min;
        }
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                float unit = Math.max(0f, Math.min(1f, (pixels[r * width + c] + shift) * scale));
                int gray = Math.round(unit * 255);
                int rgb = (gray << 16) | (gray << 8) | gray;
                for (int dy = 0; dy < ZOOM; dy++) {
                    for (int dx = 0; dx < ZOOM; dx++) {
                        grid.setRGB(x0 + c * ZOOM + dx, y0 + r * ZOOM + dy, rgb);
                    }
                }
            }
        }
    }
}
