package org.dltips.plot.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Places images side by side on a white background. */
public final class Panels {

    private Panels() {
    }

    public static BufferedImage sideBySide(BufferedImage... panels) {
        int width = 0;
        int height = 0;
        for (BufferedImage panel : panels) {
            width += panel.getWidth();
            height = Math.max(height, panel.getHeight());
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int x = 0;
        for (BufferedImage panel : panels) {
            g.drawImage(panel, x, 0, null);
            x += panel.getWidth();
        }
        g.dispose();
        return out;
    }
}
