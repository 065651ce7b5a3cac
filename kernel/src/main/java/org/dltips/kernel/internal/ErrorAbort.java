package org.dltips.kernel.internal;

import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Which execute requests a failed {@code stop_on_error} cell aborts: those its client sent before it could know
 * of the failure. A request from the same session counts as sent "behind" the failed one when the client stamped
 * it no later, after the failed request's own stamp, than the kernel took from reading the failed request to
 * sending its reply. The client cannot have read the reply sooner, so a request it sent in answer to the reply
 * is never aborted, however long the kernel then takes to tidy up (a collection after an OutOfMemoryError).
 * Only differences of one clock are compared (the client's stamps with each other, the kernel's times with each
 * other), so clocks that disagree do not matter, and neither does how late a request reaches the socket. The
 * first execute request that is not aborted ends the window.
 *
 * <p>{@code abort.failed(request, repliedNanos - receivedNanos); ... if (abort.aborts(next, false)) replyAborted(next);}
 */
final class ErrorAbort {

    private String session;
    private Instant failedStamp;
    private long windowNanos;

    /**
     * Records a cell that failed with {@code stop_on_error}; {@code answerNanos} is the kernel's time from reading
     * the request to sending its reply.
     */
    synchronized void failed(Message<?> request, long answerNanos) {
        Header<?> header = request.getHeader();
        Instant stamp = stamp(header);
        session = stamp == null ? null : header.getSessionId();
        failedStamp = stamp;
        windowNanos = answerNanos;
    }

    /**
     * True when the execute request {@code request} was sent before its client could know of the failure;
     * {@code waiting} tells that it was already on the socket when the failure happened, which decides for a
     * request without a time stamp.
     */
    synchronized boolean aborts(Message<?> request, boolean waiting) {
        Header<?> header = request.getHeader();
        Instant stamp = stamp(header);
        if (stamp == null || session == null) {
            return waiting;
        }
        boolean behind = Objects.equals(session, header.getSessionId())
                && Duration.between(failedStamp, stamp).toNanos() <= windowNanos;
        if (!behind) {
            session = null;
        }
        return behind;
    }

    /** The client's time stamp of a message, or null when it has none that parses. */
    static Instant stamp(Header<?> header) {
        if (header == null || header.getTimestamp() == null) {
            return null;
        }
        String text = header.getTimestamp().getDateString();
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
