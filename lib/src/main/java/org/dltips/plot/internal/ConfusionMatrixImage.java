package org.dltips.plot.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/** A confusion matrix as a heat map: rows are true classes, columns predictions, shade = share of the row. */
public final class ConfusionMatrixImage {

    private ConfusionMatrixImage() {
    }

    public static BufferedImage draw(int[][] counts, List<String> names) {
        int n = counts.length;
        if (n == 0 || names.size() != n) {
            throw new IllegalArgumentException("need a square matrix with one class name per row, got " + n
                    + " rows and " + names.size() + " names");
        }
        long total = 0;
        long correct = 0;
        for (int i = 0; i < n; i++) {
            if (counts[i].length != n) {
                throw new IllegalArgumentException("the confusion matrix must be square, row " + i + " has "
                        + counts[i].length + " columns, expected " + n);
            }
            for (int j = 0; j < n; j++) {
                total += counts[i][j];
                correct += i == j ? counts[i][j] : 0;
            }
        }
        int cell = Math.max(30, Math.min(48, 440 / n));
        boolean longNames = names.stream().mapToInt(String::length).max().orElse(0) > 3;
        int left = longNames ? 110 : 64;
        int top = longNames ? 130 : 86;
        BufferedImage out = Canvas.image(left + n * cell + 30, top + n * cell + 60);
        Graphics2D g = Canvas.graphics(out);
        g.setColor(new Color(30, 30, 30));
        g.setFont(Canvas.font(15, true));
        String accuracy = total == 0 ? "" : String.format(Locale.ROOT, " (accuracy %.3f)", correct / (double) total);
        Canvas.centred(g, "Confusion matrix" + accuracy, out.getWidth() / 2.0, 20);
        g.setFont(Canvas.font(13, false));
        Canvas.centred(g, "predicted class", left + n * cell / 2.0, 46);
        Canvas.vertical(g, "true class", 22, top + n * cell / 2.0);
        g.setFont(Canvas.font(11, false));
        for (int i = 0; i < n; i++) {
            if (longNames) {
                Graphics2D r = (Graphics2D) g.create();
                r.translate(left + i * cell + cell / 2.0 + 4, top - 8);
                r.rotate(-Math.PI / 4);
                r.drawString(Canvas.fit(r, names.get(i), 90), 0, 0);
                r.dispose();
            } else {
                Canvas.centred(g, names.get(i), left + i * cell + cell / 2.0, top - 14);
            }
            String row = Canvas.fit(g, names.get(i), left - 48);
            g.drawString(row, left - 8 - g.getFontMetrics().stringWidth(row), top + i * cell + cell / 2 + 4);
        }
        g.setFont(Canvas.font(cell >= 40 ? 12 : 10, false));
        for (int i = 0; i < n; i++) {
            long rowTotal = 0;
            for (int c : counts[i]) {
                rowTotal += c;
            }
            for (int j = 0; j < n; j++) {
                double share = rowTotal == 0 ? 0 : counts[i][j] / (double) rowTotal;
                double shade = Math.sqrt(share);
                g.setColor(Colormap.blues(shade));
                g.fillRect(left + j * cell, top + i * cell, cell, cell);
                g.setColor(shade > 0.55 ? Color.WHITE : new Color(40, 40, 40));
                Canvas.centred(g, Integer.toString(counts[i][j]), left + j * cell + cell / 2.0, top + i * cell + cell / 2.0);
            }
        }
        g.setColor(new Color(160, 160, 160));
        g.drawRect(left, top, n * cell, n * cell);
        g.setColor(new Color(90, 90, 90));
        g.setFont(Canvas.font(11, false));
        Canvas.centred(g, "shade = share of each true class (square-root scale); diagonal = correct",
                left + n * cell / 2.0, top + n * cell + 22);
        g.dispose();
        return out;
    }
}
