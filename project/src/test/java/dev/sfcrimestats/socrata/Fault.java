package dev.sfcrimestats.socrata;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure the fake plays on data requests (requests whose {@code $select} is not an aggregate; aggregate
 * requests are never faulted). Made by a factory ({@link #throttle(int)}, {@link #resetAfter(long)}...), then
 * aimed: by default at the next data request only; {@link #times(int)} the next {@code n}; {@link #onPage(int)} the
 * request for one page; {@link #fromPage(int)} every request from a page on, until
 * {@link FakeSocrata#clearFaults()}.
 *
 * <p>Pages are counted from 0 among data requests that got no fault: a faulted request serves no page, so after
 * {@code throttle(1).onPage(2)} the retry of the throttled request serves page 2. Immutable.
 */
public final class Fault {

    /** What goes wrong. */
    public enum Kind {
        /** An error status with Socrata's error JSON (202 with no body). */
        STATUS,
        /** The connection drops after some bytes of the body. */
        RESET,
        /** The response ends cleanly but the JSON stops after some bytes. */
        TRUNCATE,
        /** Nothing is sent for a while before the headers. */
        DELAY_HEADERS,
        /** The body stops for a while after some bytes. */
        STALL,
        /** No answer at all until the faults are cleared or the fake closed. */
        HANG
    }

    private enum Aim { NEXT, ON_PAGE, FROM_PAGE }

    private final Kind kind;
    private final int status;
    private final int retryAfterSeconds;
    private final long afterBytes;
    private final Duration duration;
    private final Aim aim;
    private final int number;

    private Fault(Kind kind, int status, int retryAfterSeconds, long afterBytes, Duration duration, Aim aim,
            int number) {
        this.kind = kind;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
        this.afterBytes = afterBytes;
        this.duration = duration;
        this.aim = aim;
        this.number = number;
    }

    private static Fault of(Kind kind, int status, int retryAfterSeconds, long afterBytes, Duration duration) {
        return new Fault(kind, status, retryAfterSeconds, afterBytes, duration, Aim.NEXT, 1);
    }

    /** 429 Too Many Requests with {@code Retry-After: <seconds>}, as Socrata throttles. */
    public static Fault throttle(int retryAfterSeconds) {
        return of(Kind.STATUS, 429, retryAfterSeconds, 0, Duration.ZERO);
    }

    /** 500 Internal Server Error with a JSON error body. */
    public static Fault serverError() {
        return of(Kind.STATUS, 500, 0, 0, Duration.ZERO);
    }

    /** 503 Service Unavailable with a JSON error body. */
    public static Fault unavailable() {
        return of(Kind.STATUS, 503, 0, 0, Duration.ZERO);
    }

    /** 202 Accepted with no body: Socrata's "still processing, retry". */
    public static Fault processing() {
        return of(Kind.STATUS, 202, 0, 0, Duration.ZERO);
    }

    /**
     * 200, then the connection closes after {@code bytes} bytes of the JSON (counted before compression) without
     * ending the chunked body, so the client gets an IOException, not a clean end. If the body is shorter, the
     * connection closes after its last byte.
     */
    public static Fault resetAfter(long bytes) {
        return of(Kind.RESET, 200, 0, requireNotNegative(bytes), Duration.ZERO);
    }

    /**
     * 200 and a properly ended (and, if asked, properly gzipped) body whose JSON stops after {@code bytes} bytes.
     * A body no longer than that is sent whole.
     */
    public static Fault truncateAfter(long bytes) {
        return of(Kind.TRUNCATE, 200, 0, requireNotNegative(bytes), Duration.ZERO);
    }

    /** Waits {@code delay} before sending the headers, to outlast a client's timeout; then answers normally. */
    public static Fault delayHeaders(Duration delay) {
        return of(Kind.DELAY_HEADERS, 200, 0, 0, Objects.requireNonNull(delay));
    }

    /** Sends {@code bytes} bytes of the JSON, stops for {@code stall}, then sends the rest. */
    public static Fault stallAfter(long bytes, Duration stall) {
        return of(Kind.STALL, 200, 0, requireNotNegative(bytes), Objects.requireNonNull(stall));
    }

    /**
     * Accepts the request and never answers until {@link FakeSocrata#clearFaults()} (then it is answered normally)
     * or {@link FakeSocrata#close()} (then the connection closes).
     */
    public static Fault hang() {
        return of(Kind.HANG, 0, 0, 0, Duration.ZERO);
    }

    /** This fault on each of the next {@code requests} data requests. */
    public Fault times(int requests) {
        if (requests < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + requests);
        }
        return new Fault(kind, status, retryAfterSeconds, afterBytes, duration, Aim.NEXT, requests);
    }

    /** This fault once, on the data request for page {@code page} (0-based). */
    public Fault onPage(int page) {
        return new Fault(kind, status, retryAfterSeconds, afterBytes, duration, Aim.ON_PAGE, requireNotNegative(page));
    }

    /** This fault on every data request from page {@code page} (0-based) on, until the faults are cleared. */
    public Fault fromPage(int page) {
        return new Fault(kind, status, retryAfterSeconds, afterBytes, duration, Aim.FROM_PAGE,
                requireNotNegative(page));
    }

    /** What goes wrong. */
    public Kind kind() {
        return kind;
    }

    /** The HTTP status answered (200 for faults in the body; 0 for a hang). */
    public int status() {
        return status;
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    long afterBytes() {
        return afterBytes;
    }

    Duration duration() {
        return duration;
    }

    boolean persistent() {
        return aim == Aim.FROM_PAGE;
    }

    /** Whether this fault hits the data request made when {@code page} pages have been served. */
    boolean aimsAt(int page) {
        return switch (aim) {
            case NEXT -> true;
            case ON_PAGE -> page == number;
            case FROM_PAGE -> page >= number;
        };
    }

    /** How many requests a {@link #times(int)} fault hits; 1 for the others. */
    int requests() {
        return aim == Aim.NEXT ? number : 1;
    }

    @Override
    public String toString() {
        String what = switch (kind) {
            case STATUS -> status + (status == 429 ? " Retry-After " + retryAfterSeconds : "");
            case RESET -> "reset after " + afterBytes + " bytes";
            case TRUNCATE -> "JSON truncated after " + afterBytes + " bytes";
            case DELAY_HEADERS -> "headers delayed " + duration;
            case STALL -> "stall of " + duration + " after " + afterBytes + " bytes";
            case HANG -> "hang";
        };
        String where = switch (aim) {
            case NEXT -> number == 1 ? "next data request" : "next " + number + " data requests";
            case ON_PAGE -> "page " + number;
            case FROM_PAGE -> "every page from " + number;
        };
        return what + " (" + where + ")";
    }

    private static int requireNotNegative(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("must not be negative: " + value);
        }
        return value;
    }

    private static long requireNotNegative(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("must not be negative: " + value);
        }
        return value;
    }
}
