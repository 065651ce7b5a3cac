package org.dltips.plot.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import org.dltips.playground.Trajectory;

/** Markers, colour scale and legend of the trajectory picture. */
final class Legend {

    private Legend() {
    }

    static void startMarker(Graphics2D g, double x, double y, Color color) {
        Ellipse2D dot = new Ellipse2D.Double(x - 5, y - 5, 10, 10);
        g.setColor(Color.WHITE);
        g.fill(dot);
        g.setStroke(new BasicStroke(2.2f));
        g.setColor(color);
        g.draw(dot);
    }

    static void endMarker(Graphics2D g, double x, double y, Color color, boolean diverged) {
        g.setStroke(new BasicStroke(3f));
        if (diverged) {
            g.setColor(Color.WHITE);
            g.drawLine((int) x - 7, (int) y - 7, (int) x + 7, (int) y + 7);
            g.drawLine((int) x - 7, (int) y + 7, (int) x + 7, (int) y - 7);
            g.setStroke(new BasicStroke(2f));
            g.setColor(color);
            g.drawLine((int) x - 6, (int) y - 6, (int) x + 6, (int) y + 6);
            g.drawLine((int) x - 6, (int) y + 6, (int) x + 6, (int) y - 6);
            return;
        }
        Ellipse2D dot = new Ellipse2D.Double(x - 5, y - 5, 10, 10);
        g.setColor(color);
        g.fill(dot);
        g.setStroke(new BasicStroke(1.5f));
        g.setColor(Color.WHITE);
        g.draw(dot);
    }

    /** A vertical colour bar from low (bottom) to high (top). */
    static void scale(Graphics2D g, int x, int y, int width, int height) {
        for (int j = 0; j < height; j++) {
            g.setColor(TrajectoryImage.blend(Colormap.viridis(1 - j / (double) height), Color.WHITE, 0.35));
            g.drawLine(x, y + j, x + width, y + j);
        }
        g.setColor(new Color(120, 120, 120));
        g.drawRect(x, y, width, height);
        g.setColor(new Color(30, 30, 30));
        g.setFont(Canvas.font(11, false));
        g.drawString("high", x + width + 5, y + 10);
        g.drawString("low", x + width + 5, y + height);
        Canvas.vertical(g, "height f(x, y), log scale", x + width + 34, y + height / 2.0);
    }

    static void paths(Graphics2D g, List<Trajectory> paths, int x, int y) {
        g.setFont(Canvas.font(11, false));
        g.setColor(new Color(60, 60, 60));
        g.drawString("○ start   ● end   ✕ diverged   ★ global minimum", x, y);
        for (int i = 0; i < paths.size(); i++) {
            Trajectory t = paths.get(i);
            int rowY = y + 22 * (i + 1);
            g.setStroke(new BasicStroke(3f));
            g.setColor(Style.color(i));
            g.drawLine(x, rowY - 4, x + 26, rowY - 4);
            g.setColor(new Color(30, 30, 30));
            int room = TrajectoryImage.WIDTH - x - 42;
            String line = line(t, text -> g.getFontMetrics().stringWidth(text), room);
            g.drawString(Canvas.fit(g, line, room), x + 34, rowY);
        }
    }

    /**
     * The legend text of one path: name, steps, end point and distance to the minimum, dropping the steps and
     * then the end point when the line is wider than {@code room}, so that the distance stays readable.
     */
    static String line(Trajectory t, ToIntFunction<String> width, int room) {
        String name = t.optimizer() + ": ";
        if (t.diverged()) {
            return name + "diverged after " + t.steps() + " steps";
        }
        String distance = String.format(Locale.ROOT, "%.3g", t.distanceToMinimum()) + " from the minimum";
        String end = "ended at " + TrajectoryImage.point(t.last()) + ", ";
        for (String candidate : List.of(name + t.steps() + " steps, " + end + distance, name + end + distance)) {
            if (width.applyAsInt(candidate) <= room) {
                return candidate;
            }
        }
        return name + distance;
    }
}
