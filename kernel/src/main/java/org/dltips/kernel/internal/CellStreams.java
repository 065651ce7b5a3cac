package org.dltips.kernel.internal;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends {@code System.out} and {@code System.err} to the notebook cell that is running (or, for a thread a
 * cell left behind, to the last cell), in batches every 50 ms, and cuts a cell's output past a cap with one
 * notice.
 *
 * <p>{@code streams.install(); streams.startCell(env); ... streams.endCell();}
 */
public final class CellStreams {

    /** Per-cell limits: output beyond either is dropped with one notice. */
    public static final int MAX_LINES = 10_000;
    public static final int MAX_CHARS = 1_000_000;

    private final StreamBuffer out = new StreamBuffer(this, PublishStream.StreamType.OUT);
    private final StreamBuffer err = new StreamBuffer(this, PublishStream.StreamType.ERR);
    private final ScheduledExecutorService flusher;
    private volatile ShellReplyEnvironment env;
    private int lines;
    private int chars;
    private boolean cut;

    public CellStreams() {
        flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "dltips-output-flush");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flush, 50, 50, TimeUnit.MILLISECONDS);
    }

    /**
     * Replaces {@code System.out} and {@code System.err} for good, and gives cells an empty
     * {@code System.in} so a read returns end-of-input instead of blocking the kernel.
     */
    public void install() {
        KernelLog.init();
        System.setIn(java.io.InputStream.nullInputStream());
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Output from now on belongs to the cell answered through {@code cellEnv}. */
    public synchronized void startCell(ShellReplyEnvironment cellEnv) {
        flush();
        env = cellEnv;
        lines = 0;
        chars = 0;
        cut = false;
    }

    /** Sends what is buffered; later output (from threads the cell started) still goes to this cell. */
    public void endCell() {
        flush();
    }

    /** Sends everything buffered now, before a display or result so the order in the notebook is kept. */
    public void flush() {
        System.out.flush();
        System.err.flush();
        out.drain();
        err.drain();
    }

    /** The environment of the cell that runs, or ran last; {@code null} before the first cell. */
    public ShellReplyEnvironment currentEnv() {
        return env;
    }

    /** Counts {@code text} against the cap; returns the part that may still be shown. */
    synchronized String admit(String text) {
        if (cut) {
            return "";
        }
        int end = 0;
        while (end < text.length() && lines < MAX_LINES && chars < MAX_CHARS) {
            if (text.charAt(end) == '\n') {
                lines++;
            }
            chars++;
            end++;
        }
        if (end < text.length()) {
            cut = true;
            return text.substring(0, end) + "\n[output cut: this cell printed more than " + MAX_LINES
                    + " lines or " + MAX_CHARS + " characters; the rest is dropped while the cell keeps "
                    + "running. Print less, or write to a file.]\n";
        }
        return text;
    }

    public void close() {
        flush();
        flusher.shutdownNow();
    }
}
