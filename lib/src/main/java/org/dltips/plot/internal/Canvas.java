package org.dltips.plot.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Java2D helpers for the charts drawn by hand: an anti-aliased white canvas and centred text. */
public final class Canvas {

    private Canvas() {
    }

    public static BufferedImage image(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    /** Graphics with anti-aliasing, the image cleared to white. */
    public static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    public static Font font(int size, boolean bold) {
        return new Font(Style.FONT, bold ? Font.BOLD : Font.PLAIN, size);
    }

    /** Draws {@code text} centred on ({@code cx}, {@code cy}). */
    public static void centred(Graphics2D g, String text, double cx, double cy) {
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, (float) (cx - m.stringWidth(text) / 2.0), (float) (cy + (m.getAscent() - m.getDescent()) / 2.0));
    }

    /** Draws {@code text} rotated a quarter turn anticlockwise, centred on ({@code cx}, {@code cy}). */
    public static void vertical(Graphics2D g, String text, double cx, double cy) {
        Graphics2D r = (Graphics2D) g.create();
        r.translate(cx, cy);
        r.rotate(-Math.PI / 2);
        centred(r, text, 0, 0);
        r.dispose();
    }

    /** {@code text} shortened with an ellipsis to fit {@code width} pixels. */
    public static String fit(Graphics2D g, String text, int width) {
        FontMetrics m = g.getFontMetrics();
        if (m.stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && m.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }
}
