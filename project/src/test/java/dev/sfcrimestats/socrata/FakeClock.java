package dev.sfcrimestats.socrata;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The fake's clock for Socrata's fixed timestamps ({@code :created_at}, {@code :updated_at}). It starts at
 * {@link #START} and moves only when told: every change of the row store {@link #tick() ticks} it by one
 * millisecond, so no two changes share an {@code :updated_at} and watermarks taken from it are exact.
 */
public final class FakeClock {

    /** Where every fake clock starts: 2026-11-27T18:00:00.000Z. */
    public static final Instant START = Instant.parse("2026-11-27T18:00:00Z");

    // Socrata writes fixed timestamps with exactly three fraction digits and a Z; a loader parses this text.
    private static final DateTimeFormatter FIXED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Instant now = START;

    /** The current time. */
    public synchronized Instant now() {
        return now;
    }

    /** The current time as Socrata writes a fixed timestamp, e.g. {@code 2026-11-27T18:00:01.123Z}. */
    public String nowText() {
        return format(now());
    }

    /** Moves the clock on by one millisecond and returns the new time. */
    public synchronized Instant tick() {
        now = now.plusMillis(1);
        return now;
    }

    /**
     * Moves the clock on by {@code duration} (rounded down to milliseconds; at least one millisecond, so the next
     * change is still later than every earlier one).
     */
    public synchronized Instant advance(Duration duration) {
        now = now.plusMillis(Math.max(1, duration.toMillis()));
        return now;
    }

    /** An instant as Socrata writes a fixed timestamp: milliseconds and a {@code Z}. */
    public static String format(Instant instant) {
        return FIXED.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
