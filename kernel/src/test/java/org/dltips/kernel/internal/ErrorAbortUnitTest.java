package org.dltips.kernel.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.junit.jupiter.api.Test;

class ErrorAbortUnitTest {

    private static final OffsetDateTime SENT = OffsetDateTime.of(2026, 12, 3, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final long MILLI = 1_000_000L;

    private static Message<Object> request(String session, String date) {
        KernelTimestamp stamp = date == null ? null : new KernelTimestamp(date);
        Header<Object> header = new Header<>("id-" + date, "student", session, stamp,
                (MessageType<Object>) (MessageType<?>) MessageType.EXECUTE_REQUEST, "5.3");
        return new Message<>(header, null);
    }

    private static String after(long millis) {
        return SENT.plusNanos(millis * MILLI).toString();
    }

    @Test
    void requestsSentWhileTheFailedCellRanAreAborted() {
        ErrorAbort abort = new ErrorAbort();
        abort.failed(request("s", after(0)), 300 * MILLI);
        assertTrue(abort.aborts(request("s", after(1)), false));
        assertTrue(abort.aborts(request("s", after(299)), false));
    }

    @Test
    void aRequestSentAfterTheReplyRunsAndEndsTheWindow() {
        ErrorAbort abort = new ErrorAbort();
        abort.failed(request("s", after(0)), 300 * MILLI);
        assertFalse(abort.aborts(request("s", after(301)), false));
        assertFalse(abort.aborts(request("s", after(2)), false), "the window closed with the first request run");
    }

    @Test
    void otherSessionsAreNotAborted() {
        ErrorAbort abort = new ErrorAbort();
        abort.failed(request("s", after(0)), 300 * MILLI);
        assertFalse(abort.aborts(request("other", after(1)), false));
    }

    @Test
    void withoutStampsOnlyWaitingRequestsAreAborted() {
        ErrorAbort abort = new ErrorAbort();
        abort.failed(request("s", after(0)), 300 * MILLI);
        assertTrue(abort.aborts(request("s", null), true));
        assertFalse(abort.aborts(request("s", "not a date"), false));

        ErrorAbort unstamped = new ErrorAbort();
        unstamped.failed(request("s", null), 300 * MILLI);
        assertFalse(unstamped.aborts(request("s", after(1)), false));
        assertTrue(unstamped.aborts(request("s", after(1)), true));
    }

    @Test
    void stampsWithoutAnOffsetAreReadAsUtc() {
        ErrorAbort abort = new ErrorAbort();
        abort.failed(request("s", "2026-12-03T09:00:00.000000"), 300 * MILLI);
        assertTrue(abort.aborts(request("s", "2026-12-03T09:00:00.100000"), false));
    }
}
