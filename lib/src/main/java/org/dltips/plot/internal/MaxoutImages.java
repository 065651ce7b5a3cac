package org.dltips.plot.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.dltips.model.Maxout;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** What Maxout units learned: each unit's pieces and output, and which piece each example used. */
public final class MaxoutImages {

    private static final int PANEL_WIDTH = 330;
    private static final int PANEL_HEIGHT = 300;
    private static final BasicStroke THIN_DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {6f, 4f}, 0f);
    private static final BasicStroke THICK = new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private MaxoutImages() {
    }

    /** One small chart per unit, side by side: its pieces dashed in colour, its output (their maximum) thick. */
    public static BufferedImage units(List<Maxout.UnitShape> shapes) {
        if (shapes.isEmpty()) {
            throw new IllegalArgumentException("no unit to draw; pass one or more Maxout.shape(...) results");
        }
        BufferedImage[] panels = new BufferedImage[shapes.size()];
        for (int i = 0; i < shapes.size(); i++) {
            panels[i] = BitmapEncoder.getBufferedImage(unit(shapes.get(i)));
        }
        return Panels.sideBySide(panels);
    }

    private static XYChart unit(Maxout.UnitShape shape) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(shape.name())
                .xAxisTitle("t  (0: image A, 1: image B)").yAxisTitle("value").build();
        Style.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartTitleFont(Canvas.font(13, true));
        chart.getStyler().setAxisTitleFont(Canvas.font(11, false));
        chart.getStyler().setLegendFont(Canvas.font(10, false));
        for (int p = 0; p < shape.pieces().length; p++) {
            XYSeries piece = chart.addSeries("piece " + (p + 1), shape.t(), shape.pieces()[p]);
            piece.setLineColor(Style.color(p));
            piece.setLineStyle(THIN_DASHED);
            piece.setMarker(SeriesMarkers.NONE);
        }
        XYSeries output = chart.addSeries("output (max)", shape.t(), shape.output());
        output.setLineColor(new Color(30, 30, 30));
        output.setLineStyle(THICK);
        output.setMarker(SeriesMarkers.NONE);
        Style.spreadXTicks(chart, shape.t()[0], shape.output()[0], 0.37);
        return chart;
    }

    /** Examples as rows, units as columns, each cell coloured by the piece that won there. */
    public static BufferedImage activePieces(Maxout.ActivePieces active, List<String> rowNames) {
        int[][] winners = active.winners();
        if (winners.length == 0 || rowNames.size() != winners.length) {
            throw new IllegalArgumentException("need one name per example, got " + rowNames.size() + " names for "
                    + winners.length + " examples");
        }
        int units = winners[0].length;
        int cell = Math.max(8, Math.min(24, 760 / units));
        int left = 90;
        int top = 64;
        int width = Math.max(left + units * cell + 30, 520);
        BufferedImage out = Canvas.image(width, top + winners.length * cell + 70);
        Graphics2D g = Canvas.graphics(out);
        g.setColor(new Color(30, 30, 30));
        g.setFont(Canvas.font(15, true));
        Canvas.centred(g, "Which piece won, " + active.layer(), width / 2.0, 20);
        g.setFont(Canvas.font(12, false));
        Canvas.centred(g, "unit (the first " + units + ")", left + units * cell / 2.0, 46);
        for (int r = 0; r < winners.length; r++) {
            String name = Canvas.fit(g, rowNames.get(r), left - 12);
            g.setColor(new Color(30, 30, 30));
            g.drawString(name, left - 8 - g.getFontMetrics().stringWidth(name), top + r * cell + cell / 2 + 5);
            for (int j = 0; j < units; j++) {
                g.setColor(Style.color(winners[r][j]));
                g.fillRect(left + j * cell, top + r * cell, cell - 1, cell - 1);
            }
        }
        double[] shares = active.pieceShares();
        int y = top + winners.length * cell + 26;
        int x = left;
        g.setFont(Canvas.font(12, false));
        for (int p = 0; p < shares.length; p++) {
            g.setColor(Style.color(p));
            g.fillRect(x, y - 10, 14, 14);
            g.setColor(new Color(30, 30, 30));
            String label = String.format(Locale.ROOT, "piece %d: %.0f%% of cells", p + 1, 100 * shares[p]);
            g.drawString(label, x + 20, y + 2);
            x += g.getFontMetrics().stringWidth(label) + 44;
        }
        g.setColor(new Color(90, 90, 90));
        g.setFont(Canvas.font(11, false));
        g.drawString(String.format(Locale.ROOT, "two examples differ in %.0f%% of units on average: each trains its own"
                + " thin linear network", 100 * active.differingShare()), left, y + 26);
        g.dispose();
        return out;
    }
}
