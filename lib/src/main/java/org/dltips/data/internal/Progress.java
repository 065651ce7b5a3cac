package org.dltips.data.internal;

import org.dltips.display.LiveDisplay;
import org.dltips.display.Output;

/**
 * Shows how far a long download has got: redrawn in place in a notebook, a line per tenth as text.
 *
 * <p>{@code Progress bar = Progress.start("train-images-idx3-ubyte.gz", total); bar.advance(read); bar.done();}
 */
final class Progress {

    private static final long WORTH_SHOWING = 1 << 20;

    private final String what;
    private final long total;
    private final boolean notebook;
    private final long startNanos = System.nanoTime();
    private LiveDisplay display;
    private long lastShownNanos;
    private int lastTenth = -1;

    private Progress(String what, long total) {
        this.what = what;
        this.total = total;
        this.notebook = Output.isNotebook();
    }

    /** Starts showing progress for {@code what}; {@code total} is the expected size or -1 when unknown. */
    static Progress start(String what, long total) {
        return new Progress(what, total);
    }

    /** Reports {@code bytes} received so far; shows something only for downloads over a megabyte. */
    void advance(long bytes) {
        if (total >= 0 && total < WORTH_SHOWING || total < 0 && bytes < WORTH_SHOWING) {
            return;
        }
        long now = System.nanoTime();
        if (notebook) {
            if (now - lastShownNanos > 200_000_000L) {
                lastShownNanos = now;
                show(text(bytes));
            }
            return;
        }
        int tenth = total > 0 ? (int) (bytes * 10 / total) : (int) (bytes / (10L << 20));
        if (tenth != lastTenth) {
            lastTenth = tenth;
            show(text(bytes));
        }
    }

    /** Shows the final size and time, if anything was shown before. */
    void done(long bytes) {
        if (display != null) {
            display.update(text(bytes) + " done in " + String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9));
        }
    }

    private void show(String text) {
        if (display == null) {
            display = Output.show(text);
        } else {
            display.update(text);
        }
    }

    private String text(long bytes) {
        String size = String.format("%.1f MB", bytes / 1e6);
        if (total <= 0) {
            return "Downloading " + what + ": " + size;
        }
        int percent = (int) (bytes * 100 / total);
        String bar = "#".repeat(percent / 5) + ".".repeat(20 - percent / 5);
        return String.format("Downloading %s [%s] %3d%% of %.1f MB", what, bar, percent, total / 1e6);
    }
}
