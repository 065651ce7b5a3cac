package org.dltips.train.internal;

import org.dltips.display.Displayable;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A snapshot of training progress that renders as an HTML progress bar in a notebook and as a text bar elsewhere.
 *
 * <p>{@code new ProgressView(3, 20, 41, 100, 12.5, 0.31, "")}
 *
 * @param epoch current epoch, 1-based
 * @param epochs planned epochs
 * @param batch batches done in the current epoch
 * @param batches batches per epoch
 * @param seconds seconds since fit began
 * @param loss latest batch loss, NaN before the first
 * @param status extra words: the last epoch's numbers, or why training stopped
 */
public record ProgressView(int epoch, int epochs, int batch, int batches, double seconds, double loss, String status)
        implements Displayable {

    /** Fraction of all planned batches done. */
    public double fraction() {
        return ((epoch - 1) * (double) batches + batch) / ((double) epochs * batches);
    }

    /** A text bar of {@code width} characters. */
    public String bar(int width) {
        int filled = (int) Math.round(fraction() * width);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    @Override
    public String toString() {
        String text = String.format(Locale.ROOT, "%s epoch %d/%d, batch %d/%d, %.1f s", bar(30), epoch, epochs,
                batch, batches, seconds);
        if (!Double.isNaN(loss)) {
            text += String.format(Locale.ROOT, ", batch loss %.4f", loss);
        }
        return status.isEmpty() ? text : text + "\n" + status;
    }

    @Override
    public Map<String, String> mimeBundle() {
        int percent = (int) Math.floor(fraction() * 100);
        String html = String.format(Locale.ROOT, "<div style=\"font-family:monospace\"><progress value=\"%d\" max=\"100\""
                + " style=\"width:300px\"></progress> %d%% &middot; epoch %d/%d &middot; batch %d/%d &middot; %.1f s%s%s</div>",
                percent, percent, epoch, epochs, batch, batches, seconds,
                Double.isNaN(loss) ? "" : String.format(Locale.ROOT, " &middot; batch loss %.4f", loss),
                status.isEmpty() ? "" : "<br>" + status.replace("&", "&amp;").replace("<", "&lt;"));
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        bundle.put("text/html", html);
        return bundle;
    }
}
