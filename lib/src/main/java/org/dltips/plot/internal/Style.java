package org.dltips.plot.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** The look shared by every chart: white background, light grid, readable fonts, a colour-blind safe palette. */
public final class Style {

    /** Default chart size in pixels. */
    public static final int WIDTH = 640;
    public static final int HEIGHT = 400;

    /** Okabe–Ito colours, distinguishable with the common kinds of colour blindness. */
    public static final Color[] PALETTE = {
        new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(230, 159, 0), new Color(86, 180, 233), new Color(120, 120, 120), new Color(240, 200, 40),
        new Color(0, 0, 0)
    };

    public static final BasicStroke SOLID = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    public static final BasicStroke DASHED = new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {7f, 5f}, 0f);

    public static final String FONT = "SansSerif";

    private Style() {
    }

    /** The colour of the {@code index}-th run. */
    public static Color color(int index) {
        return PALETTE[index % PALETTE.length];
    }

    /**
     * Adds an invisible, unevenly spaced two-point series at ({@code x}, {@code y}) and a little to the right
     * ({@code dx}). XChart packs x tick labels densely when every series has evenly spaced x values (its issue
     * #731); one uneven series restores normal tick spacing. Call after the real series were added.
     */
    public static void spreadXTicks(org.knowm.xchart.XYChart chart, double x, double y, double dx) {
        org.knowm.xchart.XYSeries hidden = chart.addSeries(" ", new double[] {x, x + dx}, new double[] {y, y});
        hidden.setShowInLegend(false);
        hidden.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        hidden.setLineColor(new Color(0, 0, 0, 0));
        chart.getStyler().setXAxisDecimalPattern("#.##");
    }

    /** Applies the shared look to an XChart styler. */
    public static void apply(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(true);
        styler.setPlotBorderColor(new Color(190, 190, 190));
        styler.setPlotGridLinesColor(new Color(228, 228, 228));
        styler.setPlotGridLinesStroke(new BasicStroke(1f));
        styler.setChartTitleFont(new Font(FONT, Font.BOLD, 15));
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(new Font(FONT, Font.PLAIN, 13));
        styler.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 11));
        styler.setLegendFont(new Font(FONT, Font.PLAIN, 12));
        styler.setLegendBorderColor(new Color(200, 200, 200));
        styler.setLegendBackgroundColor(new Color(255, 255, 255, 230));
        styler.setLegendSeriesLineLength(28);
        styler.setChartPadding(12);
        styler.setSeriesColors(PALETTE);
        styler.setAntiAlias(true);
        styler.setToolTipsEnabled(false);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    }
}
