package org.dltips.plot.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dltips.data.Dataset;

/** Small greyscale images in a grid, each with an optional caption. */
public final class ImageGrid {

    private static final int GAP = 6;

    private ImageGrid() {
    }

    public static BufferedImage draw(List<float[]> images, int width, int height, List<String> captions,
                                     int columns) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images to draw; pass at least one row of pixels");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image width and height must be positive, got " + width + " x "
                    + height + "; MNIST images are 28 x 28");
        }
        for (int i = 0; i < images.size(); i++) {
            if (images.get(i).length != width * height) {
                throw new IllegalArgumentException("image " + i + " has " + images.get(i).length + " pixels, expected "
                        + width + " x " + height + " = " + width * height + "; check the width and height");
            }
        }
        if (captions != null && !captions.isEmpty() && captions.size() != images.size()) {
            throw new IllegalArgumentException("got " + captions.size() + " captions for " + images.size()
                    + " images; give one caption per image, or none");
        }
        // raw pixels are 0-255 and never negative; scaled ones (maybe with added noise) are shown on 0-1
        boolean byteScale = maximum(images) > 1.5f && minimum(images) >= 0f;
        int cols = Math.max(1, Math.min(columns, images.size()));
        int rows = (images.size() + cols - 1) / cols;
        int scale = Math.max(1, 84 / Math.max(width, height));
        int cellW = width * scale;
        int cellH = height * scale;
        boolean captioned = captions != null && !captions.isEmpty();
        int captionH = captioned ? 18 : 0;
        BufferedImage out = Canvas.image(GAP + cols * (cellW + GAP), GAP + rows * (cellH + captionH + GAP));
        Graphics2D g = Canvas.graphics(out);
        g.setFont(Canvas.font(12, false));
        for (int i = 0; i < images.size(); i++) {
            int x0 = GAP + (i % cols) * (cellW + GAP);
            int y0 = GAP + (i / cols) * (cellH + captionH + GAP);
            float[] pixels = images.get(i);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    float v = pixels[y * width + x];
                    float shade = Math.max(0f, Math.min(1f, byteScale ? v / 255f : v));
                    int level = Math.round(shade * 255);
                    g.setColor(new Color(level, level, level));
                    g.fillRect(x0 + x * scale, y0 + y * scale, scale, scale);
                }
            }
            if (captioned) {
                g.setColor(new Color(30, 30, 30));
                Canvas.centred(g, Canvas.fit(g, captions.get(i), cellW + GAP - 2), x0 + cellW / 2.0, y0 + cellH + 10);
            }
        }
        g.dispose();
        return out;
    }

    public static BufferedImage fromDataset(Dataset data, int count) {
        int side = (int) Math.round(Math.sqrt(data.inputSize()));
        if (side * side != data.inputSize()) {
            throw new IllegalArgumentException("images must be square to draw them from a data set, got "
                    + data.inputSize() + " features per example; use imageGrid(rows, width, height, captions, columns)");
        }
        if (count < 1 || count > data.size()) {
            throw new IllegalArgumentException("count must be between 1 and the data set's size " + data.size()
                    + ", got " + count);
        }
        float[] all = data.featureArray();
        int[] labels = data.labels();
        List<float[]> images = new ArrayList<>(count);
        List<String> captions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            images.add(Arrays.copyOfRange(all, i * data.inputSize(), (i + 1) * data.inputSize()));
            captions.add(Integer.toString(labels[i]));
        }
        return draw(images, side, side, captions, 10);
    }

    private static float minimum(List<float[]> images) {
        float min = Float.POSITIVE_INFINITY;
        for (float[] image : images) {
            for (float v : image) {
                min = Math.min(min, v);
            }
        }
        return min;
    }

    private static float maximum(List<float[]> images) {
        float max = Float.NEGATIVE_INFINITY;
        for (float[] image : images) {
            for (float v : image) {
                max = Math.max(max, v);
            }
        }
        return max;
    }
}
