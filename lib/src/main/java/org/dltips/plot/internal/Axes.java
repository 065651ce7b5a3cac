package org.dltips.plot.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.math.BigDecimal;
import org.dltips.playground.Surface;

/** Axis frame, ticks and labels for a surface drawn by hand. */
final class Axes {

    private Axes() {
    }

    static void draw(Graphics2D g, Surface s, int left, int top, int size) {
        g.setColor(new Color(120, 120, 120));
        g.drawRect(left, top, size, size);
        g.setFont(Canvas.font(11, false));
        for (double x : ticks(s.xMin(), s.xMax())) {
            double px = TrajectoryImage.px(s, x);
            g.drawLine((int) px, top + size, (int) px, top + size + 5);
            Canvas.centred(g, label(x), px, top + size + 15);
        }
        for (double y : ticks(s.yMin(), s.yMax())) {
            double py = TrajectoryImage.py(s, y);
            g.drawLine(left - 5, (int) py, left, (int) py);
            String text = label(y);
            g.drawString(text, left - 8 - g.getFontMetrics().stringWidth(text), (int) py + 4);
        }
        g.setColor(new Color(30, 30, 30));
        g.setFont(Canvas.font(13, false));
        Canvas.centred(g, "x", left + size / 2.0, top + size + 33);
        Canvas.vertical(g, "y", 14, top + size / 2.0);
    }

    /** About five round tick values inside [low, high]. */
    static double[] ticks(double low, double high) {
        double raw = (high - low) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        double first = Math.ceil(low / step) * step;
        int count = (int) Math.floor((high - first) / step + 1e-9) + 1;
        double[] ticks = new double[count];
        for (int i = 0; i < count; i++) {
            ticks[i] = first + i * step;
        }
        return ticks;
    }

    static String label(double v) {
        double rounded = Math.abs(v) < 1e-9 ? 0 : v;
        return new BigDecimal(String.format(java.util.Locale.ROOT, "%.4g", rounded)).stripTrailingZeros().toPlainString();
    }
}
