package org.dltips.kernel.internal;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Sends {@code System.out}, {@code System.err} and displays to the notebook cell they belong to, in the order
 * they were written, and cuts a cell's output past a cap with one notice.
 *
 * <p>Each write is credited to a cell at the moment it is made: to the cell that runs, or, for a thread a cell
 * left behind, to the last cell that was not silent. Writes wait in one queue, text batched every 50 ms (or
 * every 64 KiB); a display, the end of a cell and the start of the next one send everything before them first.
 * Sending means handing over to the IOPub socket's single sending thread ({@link QueuedIOPub}), under the same
 * lock that orders the writes, so what the notebook receives is in the order the program wrote it.
 * A silent request publishes nothing of what its own cell writes.
 *
 * <p>{@code streams.install(); streams.startCell(env, false); ... streams.flush(); streams.awaitSent(); streams.endCell();}
 */
public final class CellStreams {

    /** Per-cell limits: output beyond either is dropped with one notice. */
    public static final int MAX_LINES = 10_000;
    public static final int MAX_CHARS = 1_000_000;

    private static final int EAGER_BYTES = 64 * 1024;
    private static final byte[] CUT_NOTICE = ("\n[output cut: this cell printed more than " + MAX_LINES
            + " lines or " + MAX_CHARS + " characters; the rest is dropped while the cell keeps running. "
            + "Print less, or write to a file.]\n").getBytes(StandardCharsets.UTF_8);

    private final ArrayDeque<Chunk> pending = new ArrayDeque<>();
    private final ScheduledExecutorService flusher;
    private volatile Predicate<Thread> runsCells = t -> false;
    private int pendingBytes;
    private Cell running;
    private Cell shown;
    private Cell redirected;
    private boolean sending;

    /** Takes the cell thread's output while {@link #redirect} is in force: an output widget. */
    public interface Capture {
        /** A stream, display, display update or error, in the order it was written. */
        void accept(ContentType<?> content);
    }

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
        System.setOut(new PrintStream(new StreamBuffer(this, PublishStream.StreamType.OUT), true,
                StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new StreamBuffer(this, PublishStream.StreamType.ERR), true,
                StandardCharsets.UTF_8));
    }

    /** Tells which thread runs cell code, so that a silent cell's own output is dropped and no other. */
    public void cellThread(Predicate<Thread> isCellThread) {
        runsCells = isCellThread;
    }

    /** Output from now on belongs to the cell answered through {@code cellEnv}; earlier output is sent first. */
    public synchronized void startCell(ShellReplyEnvironment cellEnv, boolean silent) {
        drain();
        running = new Cell(cellEnv, silent);
        if (!silent) {
            shown = running;
        }
    }

    /**
     * From now on the cell thread's output goes to {@code capture}, or, when it is null, as messages answering
     * {@code env} (a widget callback's trigger); {@code env} null keeps the current request's. Closing the
     * returned handle restores the route before. Threads that cells started keep writing where they did.
     */
    public synchronized Runnable redirect(ShellReplyEnvironment env, Capture capture) {
        drain();
        Cell previous = redirected;
        Cell around = routeFor(Thread.currentThread());
        ShellReplyEnvironment e = env != null ? env : around == null ? null : around.env;
        redirected = new Cell(e, false, capture);
        return () -> {
            synchronized (CellStreams.this) {
                drain();
                redirected = previous;
            }
        };
    }

    /**
     * Sends a protocol message (a widget's comm message) now, after the output written before it: in answer to
     * {@code env}, or when that is null to the request the calling thread writes for. False when there is none.
     */
    public synchronized boolean sendProtocol(ShellReplyEnvironment env,
                                             java.util.function.Function<org.dflib.jjava.jupyter.messages.MessageContext, Message<?>> message) {
        if (!sending) {
            drain();
        }
        Cell cell = env == null ? routeFor(Thread.currentThread()) : null;
        ShellReplyEnvironment target = env != null ? env : cell == null ? null : cell.env;
        if (target == null) {
            return false;
        }
        try {
            target.getIopub().sendMessage(message.apply(target.getContext()));
            return true;
        } catch (RuntimeException e) {
            KernelLog.warn("could not send a widget message: " + e);
            return false;
        }
    }

    /** Sends what is buffered; later output (from threads the cell started) still goes to this cell. */
    public synchronized void endCell() {
        drain();
        running = null;
    }

    /** Hands everything written so far to the IOPub socket, in order. */
    public synchronized void flush() {
        drain();
    }

    /** Waits until what was handed to the IOPub socket so far has been sent; call before a cell's reply. */
    public void awaitSent() {
        Cell cell;
        synchronized (this) {
            cell = running != null ? running : shown;
        }
        if (cell != null && cell.env.getIopub() instanceof QueuedIOPub queued) {
            queued.awaitSent();
        }
    }

    /**
     * Publishes {@code content} (a display) to the cell the calling thread writes to, after the text written
     * before it; returns false when it was dropped (a silent cell, or no cell yet).
     */
    public synchronized <T extends ContentType<T>> boolean publish(T content) {
        drain();
        Cell cell = target();
        if (cell == null || cell.silent) {
            return false;
        }
        send(cell, content);
        return true;
    }

    synchronized void write(PublishStream.StreamType type, byte[] b, int off, int len) {
        Cell cell = target();
        if (cell == null) {
            KernelLog.warn("output outside any cell: " + new String(b, off, len, StandardCharsets.UTF_8).strip());
            return;
        }
        if (cell.silent || cell.cut) {
            return;
        }
        int end = cell.admit(b, off, len);
        append(cell, type, b, off, end - off);
        if (cell.cut) {
            append(cell, type, CUT_NOTICE, 0, CUT_NOTICE.length);
        }
        if (pendingBytes >= EAGER_BYTES) {
            drain();
        }
    }

    /** The redirected route or the running silent cell for the cell thread; else the last cell not silent. */
    private Cell target() {
        return routeFor(Thread.currentThread());
    }

    private Cell routeFor(Thread thread) {
        Cell d = redirected;
        if (d != null && runsCells.test(thread)) {
            return d;
        }
        Cell r = running;
        if (r != null && r.silent && runsCells.test(thread)) {
            return r;
        }
        return shown;
    }

    private void append(Cell cell, PublishStream.StreamType type, byte[] b, int off, int len) {
        if (len <= 0) {
            return;
        }
        Chunk last = pending.peekLast();
        if (last == null || last.cell != cell || last.type != type) {
            last = new Chunk(cell, type);
            pending.addLast(last);
        }
        last.bytes.write(b, off, len);
        pendingBytes += len;
    }

    /** Sends the queued chunks in order; the last keeps a character cut in half until its rest arrives. */
    private void drain() {
        if (sending) {
            return;   // a capture that sends widget messages while its own output is being sent
        }
        sending = true;
        try {
            drainQueued();
        } finally {
            sending = false;
        }
    }

    private void drainQueued() {
        while (!pending.isEmpty()) {
            Chunk chunk = pending.peekFirst();
            byte[] all = chunk.bytes.toByteArray();
            int end = pending.size() == 1 ? completeUtf8(all) : all.length;
            if (end > 0) {
                send(chunk.cell, new PublishStream(chunk.type, new String(all, 0, end, StandardCharsets.UTF_8)));
            }
            if (end < all.length) {
                chunk.bytes.reset();
                chunk.bytes.write(all, end, all.length - end);
                pendingBytes = all.length - end;
                return;
            }
            pending.removeFirst();
        }
        pendingBytes = 0;
    }

    private static <T extends ContentType<T>> void send(Cell cell, T content) {
        if (cell.capture != null) {
            try {
                cell.capture.accept(content);
            } catch (RuntimeException e) {
                KernelLog.warn("an output widget failed to take output: " + e);
            }
            return;
        }
        if (cell.env == null) {
            return;
        }
        try {
            cell.env.getIopub().sendMessage(new Message<>(cell.env.getContext(), content.getType(), content));
        } catch (RuntimeException e) {
            KernelLog.warn("could not send output: " + e);
        }
    }

    /** Length of the prefix of {@code b} that does not end inside a multi-byte UTF-8 character. */
    private static int completeUtf8(byte[] b) {
        int i = b.length - 1;
        int back = 0;
        while (i >= 0 && back < 3 && (b[i] & 0xC0) == 0x80) {
            i--;
            back++;
        }
        if (i < 0) {
            return b.length;
        }
        int lead = b[i] & 0xFF;
        int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return back + 1 >= need ? b.length : i;
    }

    public void close() {
        flush();
        flusher.shutdownNow();
    }

    /** One request's share of the output, and how much of the cap it has used. */
    private static final class Cell {
        final ShellReplyEnvironment env;
        final boolean silent;
        final Capture capture;
        int lines;
        int chars;
        boolean cut;

        Cell(ShellReplyEnvironment env, boolean silent) {
            this(env, silent, null);
        }

        Cell(ShellReplyEnvironment env, boolean silent, Capture capture) {
            this.env = env;
            this.silent = silent;
            this.capture = capture;
        }

        /** Counts the bytes against the cap; returns where the part that may still be shown ends. */
        int admit(byte[] b, int off, int len) {
            int i = off;
            for (; i < off + len; i++) {
                if ((b[i] & 0xC0) == 0x80) {
                    continue;
                }
                if (lines >= MAX_LINES || chars >= MAX_CHARS) {
                    cut = true;
                    break;
                }
                chars++;
                if (b[i] == '\n') {
                    lines++;
                }
            }
            return i;
        }
    }

    /** Consecutive bytes of one stream for one cell. */
    private static final class Chunk {
        final Cell cell;
        final PublishStream.StreamType type;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Chunk(Cell cell, PublishStream.StreamType type) {
            this.cell = cell;
            this.type = type;
        }
    }
}
