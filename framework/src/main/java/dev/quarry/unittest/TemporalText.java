package dev.quarry.unittest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * Dates, times and timestamps as the text a fixture may hold and as one canonical text to compare and print:
 * {@code yyyy-MM-dd HH:mm:ss} with the fraction of a second only when there is one ({@code .5}, not {@code .500}).
 * A timestamp is read with a space or a {@code T} between date and time, with or without seconds and fraction, and a
 * date alone is midnight; one with an offset ({@code Z}, {@code +02:00}, {@code +02}) is an instant.
 */
final class TemporalText {

    private static final DateTimeFormatter LOCAL_TIME = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd().optionalEnd()
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .toFormatter();

    private static final DateTimeFormatter LOCAL_TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .append(LOCAL_TIME)
            .toFormatter();

    private static final DateTimeFormatter OFFSET_TIMESTAMP = new DateTimeFormatterBuilder()
            .append(LOCAL_TIMESTAMP)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendOffset("+HH:mm", "Z")
            .toFormatter();

    private static final DateTimeFormatter SHORT_OFFSET_TIMESTAMP = new DateTimeFormatterBuilder()
            .append(LOCAL_TIMESTAMP)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendOffset("+HH", "Z")
            .toFormatter();

    private TemporalText() {
    }

    static String format(LocalDateTime timestamp) {
        return timestamp.toLocalDate() + " " + format(timestamp.toLocalTime());
    }

    static String format(LocalTime time) {
        return DateTimeFormatter.ISO_LOCAL_TIME.format(time);
    }

    /** An instant as its UTC timestamp text with a {@code Z}. */
    static String format(OffsetDateTime instant) {
        return format(instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()) + "Z";
    }

    private static String withSpaceForT(String text) {
        return text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) + ' ' + text.substring(11) : text;
    }

    static Optional<LocalDate> parseDate(String text) {
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    static Optional<LocalTime> parseTime(String text) {
        try {
            return Optional.of(LocalTime.parse(text.strip(), LOCAL_TIME));
        } catch (DateTimeParseException notATime) {
            return Optional.empty();
        }
    }

    /** A timestamp without an offset; a date alone is midnight. */
    static Optional<LocalDateTime> parseLocalTimestamp(String text) {
        String stripped = withSpaceForT(text.strip());
        try {
            return Optional.of(LocalDateTime.parse(stripped, LOCAL_TIMESTAMP));
        } catch (DateTimeParseException notATimestamp) {
            return parseDate(stripped).map(LocalDate::atStartOfDay);
        }
    }

    /** A timestamp with an offset, or without one taken as UTC. */
    static Optional<OffsetDateTime> parseInstant(String text) {
        String stripped = withSpaceForT(text.strip());
        for (DateTimeFormatter formatter : new DateTimeFormatter[] {OFFSET_TIMESTAMP, SHORT_OFFSET_TIMESTAMP}) {
            try {
                return Optional.of(OffsetDateTime.parse(stripped, formatter));
            } catch (DateTimeParseException tryTheNext) {
                // Offsets are written +02:00 or +02 (as DuckDB prints them); try the other form.
            }
        }
        return parseLocalTimestamp(stripped).map(local -> local.atOffset(ZoneOffset.UTC));
    }
}
