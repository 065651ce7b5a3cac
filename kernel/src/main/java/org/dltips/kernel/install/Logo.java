package org.dltips.kernel.install;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Draws the kernel's logo: a small falling loss curve over the letters "DL" on a rounded square.
 *
 * <p>{@code Logo.write(dir.resolve("logo-64x64.png"), 64);}
 */
final class Logo {

    private Logo() {
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            float s = size / 64f;
            g.setColor(new Color(0xE7, 0x6F, 0x00));
            g.fillRoundRect(0, 0, size, size, Math.round(14 * s), Math.round(14 * s));
            g.setColor(new Color(255, 255, 255, 150));
            g.setStroke(new BasicStroke(3 * s, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            int[] xs = {6, 14, 22, 32, 44, 58};
            int[] ys = {10, 24, 33, 39, 43, 45};
            for (int i = 1; i < xs.length; i++) {
                g.drawLine(Math.round(xs[i - 1] * s), Math.round(ys[i - 1] * s),
                        Math.round(xs[i] * s), Math.round(ys[i] * s));
            }
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(30 * s)));
            FontMetrics m = g.getFontMetrics();
            String text = "DL";
            g.drawString(text, (size - m.stringWidth(text)) / 2, size - Math.round(8 * s));
        } finally {
            g.dispose();
        }
        return image;
    }

    static void write(Path file, int size) throws IOException {
        ImageIO.write(draw(size), "png", file.toFile());
    }
}
