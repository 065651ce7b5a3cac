package org.dltips.plot.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import org.dltips.playground.Surface;
import org.dltips.playground.Trajectory;

/** A surface as a shaded height map with level lines, and each optimizer's path drawn over it. */
public final class TrajectoryImage {

    private static final int LEFT = 62;
    private static final int TOP = 40;
    private static final int SIZE = 440;
    private static final int LEVELS = 14;
    static final int WIDTH = LEFT + SIZE + 150;

    /** Height maps already drawn, per surface: redrawing paths (a slider in the playground) reuses them. */
    private static final Map<Surface, BufferedImage> MAPS = Collections.synchronizedMap(new WeakHashMap<>());

    private TrajectoryImage() {
    }

    public static BufferedImage draw(Surface surface, List<Trajectory> paths) {
        int legendHeight = 12 + 22 * paths.size();
        BufferedImage out = Canvas.image(WIDTH, TOP + SIZE + 62 + legendHeight);
        Graphics2D g = Canvas.graphics(out);
        g.drawImage(MAPS.computeIfAbsent(surface, TrajectoryImage::heatMap), LEFT, TOP, null);
        g.setColor(new Color(30, 30, 30));
        g.setFont(Canvas.font(15, true));
        Canvas.centred(g, "Optimizers on the " + surface.name() + " surface", LEFT + SIZE / 2.0, 18);
        Axes.draw(g, surface, LEFT, TOP, SIZE);
        Graphics2D clipped = (Graphics2D) g.create();
        clipped.clipRect(LEFT, TOP, SIZE, SIZE);
        double[] min = surface.minimum();
        star(clipped, px(surface, min[0]), py(surface, min[1]));
        for (int i = 0; i < paths.size(); i++) {
            float width = Math.min(5f, 2f + 1f * (paths.size() - 1 - i));
            path(clipped, surface, paths.get(i), Style.color(i), width);
        }
        for (int i = 0; i < paths.size(); i++) {
            markers(clipped, surface, paths.get(i), Style.color(i));
        }
        clipped.dispose();
        Legend.scale(g, LEFT + SIZE + 16, TOP, 18, SIZE);
        Legend.paths(g, paths, LEFT - 40, TOP + SIZE + 60);
        g.dispose();
        return out;
    }

    static double px(Surface s, double x) {
        return LEFT + (x - s.xMin()) / (s.xMax() - s.xMin()) * SIZE;
    }

    static double py(Surface s, double y) {
        return TOP + (s.yMax() - y) / (s.yMax() - s.yMin()) * SIZE;
    }

    private static BufferedImage heatMap(Surface s) {
        double[][] z = new double[SIZE][SIZE];
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < SIZE; j++) {
            for (int i = 0; i < SIZE; i++) {
                double x = s.xMin() + (i + 0.5) / SIZE * (s.xMax() - s.xMin());
                double y = s.yMax() - (j + 0.5) / SIZE * (s.yMax() - s.yMin());
                z[j][i] = s.value(x, y);
                low = Math.min(low, z[j][i]);
            }
        }
        for (double[] row : z) {
            for (int i = 0; i < SIZE; i++) {
                row[i] = Math.log1p(row[i] - low);
                high = Math.max(high, row[i]);
            }
        }
        BufferedImage map = Canvas.image(SIZE, SIZE);
        for (int j = 0; j < SIZE; j++) {
            for (int i = 0; i < SIZE; i++) {
                double t = high > 0 ? z[j][i] / high : 0;
                Color c = Colormap.viridis(t);
                int level = (int) (t * LEVELS);
                boolean edge = (i + 1 < SIZE && (int) (z[j][i + 1] / high * LEVELS) != level)
                        || (j + 1 < SIZE && (int) (z[j + 1][i] / high * LEVELS) != level);
                map.setRGB(i, j, edge ? blend(c, Color.WHITE, 0.55).getRGB() : blend(c, Color.WHITE, 0.35).getRGB());
            }
        }
        return map;
    }

    static Color blend(Color a, Color b, double share) {
        return new Color((int) Math.round(a.getRed() + share * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + share * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + share * (b.getBlue() - a.getBlue())));
    }

    private static void path(Graphics2D g, Surface s, Trajectory t, Color color, float width) {
        List<double[]> points = t.positions();
        Path2D line = new Path2D.Double();
        line.moveTo(px(s, points.get(0)[0]), py(s, points.get(0)[1]));
        for (double[] p : points.subList(1, points.size())) {
            line.lineTo(px(s, p[0]), py(s, p[1]));
        }
        g.setStroke(new BasicStroke(width + 2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(255, 255, 255, 200));
        g.draw(line);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(color);
        g.draw(line);
    }

    private static void markers(Graphics2D g, Surface s, Trajectory t, Color color) {
        List<double[]> points = t.positions();
        double[] first = points.get(0);
        double[] last = points.get(points.size() - 1);
        Legend.startMarker(g, px(s, first[0]), py(s, first[1]), color);
        Legend.endMarker(g, px(s, last[0]), py(s, last[1]), color, t.diverged());
    }

    private static void star(Graphics2D g, double cx, double cy) {
        Path2D star = new Path2D.Double();
        for (int k = 0; k < 10; k++) {
            double r = k % 2 == 0 ? 11 : 4.5;
            double a = -Math.PI / 2 + k * Math.PI / 5;
            if (k == 0) {
                star.moveTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
            } else {
                star.lineTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
            }
        }
        star.closePath();
        g.setColor(new Color(255, 215, 0));
        g.fill(star);
        g.setColor(new Color(60, 60, 60));
        g.setStroke(new BasicStroke(1.2f));
        g.draw(star);
    }

    static String point(double[] p) {
        return String.format(Locale.ROOT, "(%.3g, %.3g)", p[0], p[1]);
    }
}
