package org.dltips.kernel.internal;

import org.dflib.jjava.jupyter.messages.publish.PublishStream;

import java.io.OutputStream;

/**
 * {@code System.out} or {@code System.err} as bytes handed to {@link CellStreams}, which keeps them in the order
 * they were written, credits them to a cell and publishes them.
 *
 * <p>{@code new PrintStream(new StreamBuffer(streams, PublishStream.StreamType.OUT), true, UTF_8)}
 */
final class StreamBuffer extends OutputStream {

    private final CellStreams owner;
    private final PublishStream.StreamType type;

    StreamBuffer(CellStreams owner, PublishStream.StreamType type) {
        this.owner = owner;
        this.type = type;
    }

    @Override
    public void write(int b) {
        owner.write(type, new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        owner.write(type, b, off, len);
    }
}
