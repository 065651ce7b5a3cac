package org.dltips.kernel.internal;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Collects the bytes written to one stream and publishes them as Jupyter {@code stream} messages.
 *
 * <p>{@code new PrintStream(new StreamBuffer(streams, PublishStream.StreamType.OUT), true, UTF_8)}
 */
final class StreamBuffer extends OutputStream {

    private static final int EAGER_BYTES = 64 * 1024;

    private final CellStreams owner;
    private final PublishStream.StreamType type;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    StreamBuffer(CellStreams owner, PublishStream.StreamType type) {
        this.owner = owner;
        this.type = type;
    }

    @Override
    public void write(int b) {
        boolean full;
        synchronized (this) {
            bytes.write(b);
            full = bytes.size() >= EAGER_BYTES;
        }
        if (full) {
            drain();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        boolean full;
        synchronized (this) {
            bytes.write(b, off, len);
            full = bytes.size() >= EAGER_BYTES;
        }
        if (full) {
            drain();
        }
    }

    /** Publishes everything buffered that forms whole characters. */
    void drain() {
        String text;
        synchronized (this) {
            if (bytes.size() == 0) {
                return;
            }
            byte[] all = bytes.toByteArray();
            int end = completeUtf8(all);
            text = new String(all, 0, end, StandardCharsets.UTF_8);
            bytes.reset();
            bytes.write(all, end, all.length - end);
        }
        String shown = owner.admit(text);
        ShellReplyEnvironment env = owner.currentEnv();
        if (shown.isEmpty()) {
            return;
        }
        if (env == null) {
            KernelLog.warn("output outside any cell: " + shown.strip());
            return;
        }
        try {
            env.publish(new PublishStream(type, shown));
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
}
