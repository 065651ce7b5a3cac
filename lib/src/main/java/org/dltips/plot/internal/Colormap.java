package org.dltips.plot.internal;

import java.awt.Color;

/** Colour scales for heat maps. */
public final class Colormap {

    /** Anchors of a perceptually even dark-blue to yellow scale (similar in spirit to viridis). */
    private static final int[][] VIRIDIS = {
        {68, 1, 84}, {72, 40, 120}, {62, 74, 137}, {49, 104, 142}, {38, 130, 142},
        {31, 158, 137}, {53, 183, 121}, {109, 205, 89}, {180, 222, 44}, {253, 231, 37}
    };

    private Colormap() {
    }

    /** White (0) to dark blue (1). */
    public static Color blues(double t) {
        double s = clamp(t);
        int r = (int) Math.round(247 - s * (247 - 8));
        int gr = (int) Math.round(251 - s * (251 - 48));
        int b = (int) Math.round(255 - s * (255 - 107));
        return new Color(r, gr, b);
    }

    /** Dark purple (0, low) through green to yellow (1, high). */
    public static Color viridis(double t) {
        double s = clamp(t) * (VIRIDIS.length - 1);
        int i = Math.min((int) s, VIRIDIS.length - 2);
        double f = s - i;
        int[] a = VIRIDIS[i];
        int[] b = VIRIDIS[i + 1];
        return new Color((int) Math.round(a[0] + f * (b[0] - a[0])), (int) Math.round(a[1] + f * (b[1] - a[1])),
                (int) Math.round(a[2] + f * (b[2] - a[2])));
    }

    private static double clamp(double t) {
        return Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
    }
}
