package org.dltips.kernel.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;

/**
 * Message dates to the microsecond. jjava writes a header's {@code date} to the minute ({@code
 * 2026-12-03T17:21+0000}); front ends read it to time cells (JupyterLab's "record timing", nbclient's cell
 * metadata), so every cell of a minute would seem to take no time. Our channels restamp each message with the
 * moment they take it, in the form ipykernel sends ({@code 2026-12-03T17:21:33.123456Z}).
 *
 * <p>{@code socket.sendMessage(Timestamps.now(message));}
 */
final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** {@code message} with the same id, session, type and content, dated now. */
    static <T> Message<T> now(Message<T> message) {
        Header<T> h = message.getHeader();
        Header<T> dated = new Header<>(h.getId(), h.getUsername(), h.getSessionId(),
                new KernelTimestamp(FORMAT.format(Instant.now())), h.getType(), h.getVersion());
        return new Message<>(message.getIdentities(), dated, message.getParentHeader(), message.getMetadata(),
                message.getContent(), message.getBlobs());
    }
}
