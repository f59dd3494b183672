package dev.sfcrimestats.parquet;

import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * Reads the two timestamp shapes Socrata sends, {@code 2024-02-15T07:09:00.000} (floating) and
 * {@code 2024-02-20T12:34:56.789Z} (fixed, UTC), by their fixed positions: {@code DateTimeFormatter} spent more time on
 * them than anything else in a load (five per row). Any other shape is left to the formatter.
 */
final class IsoTimestamps {

    private IsoTimestamps() {
    }

    /** The timestamp, or null when the text is not one of the two shapes. */
    static LocalDateTime parse(String text) {
        int length = text.length();
        boolean utc = length > 0 && text.charAt(length - 1) == 'Z';
        int end = utc ? length - 1 : length;
        if (end != 19 && end != 23 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || end == 23 && text.charAt(19) != '.') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int millis = end == 23 ? digits(text, 20, 3) : 0;
        if ((year | month | day | hour | minute | second | millis) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    /** The number in {@code count} digits from {@code start}, or -1 when one is not a digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int index = start; index < start + count; index++) {
            int digit = text.charAt(index) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
