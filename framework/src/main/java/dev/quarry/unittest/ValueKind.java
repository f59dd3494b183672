package dev.quarry.unittest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a result column holds, judged by the Java values the JDBC driver returns for it (DuckDB: Integer, Long,
 * BigInteger, BigDecimal, Double, Float, LocalDate, java.sql.Timestamp, OffsetDateTime, LocalTime; H2 also
 * java.sql.Date and java.sql.Time). An expected value is read as the kind of its column, so that YAML's {@code 1} and
 * CSV's {@code "1"} equal a BIGINT 1, a DECIMAL 1.00 and a DOUBLE 1.0, and {@code "2024-01-01 00:00"} equals a
 * TIMESTAMP at midnight. An expected value that cannot be read as its column's kind stays text and equals nothing.
 */
enum ValueKind {
    NUMBER, BOOLEAN, DATE, TIME, TIMESTAMP, TIMESTAMP_WITH_OFFSET, TEXT;

    /** DuckDB's, H2's and BigQuery's number types, with an optional precision: INT64, UBIGINT, DECIMAL(10,2). */
    private static final Pattern NUMERIC_TYPE = Pattern.compile("(?:U?(?:TINY|SMALL|BIG|HUGE)?INT(?:EGER)?[0-9]*"
            + "|(?:BIG)?(?:DECIMAL|NUMERIC)|NUMBER|DOUBLE(?: PRECISION)?|REAL|FLOAT[0-9]*|DECFLOAT)(?:\\s*\\(.*\\))?");

    /** The kind of an actual value; null is text (a column of nulls only equals nulls anyway). */
    static ValueKind of(Object value) {
        if (value instanceof Number) {
            return NUMBER;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof LocalDate || value instanceof java.sql.Date) {
            return DATE;
        }
        if (value instanceof LocalTime || value instanceof java.sql.Time) {
            return TIME;
        }
        if (value instanceof LocalDateTime || value instanceof java.sql.Timestamp) {
            return TIMESTAMP;
        }
        if (value instanceof OffsetDateTime || value instanceof ZonedDateTime || value instanceof Instant) {
            return TIMESTAMP_WITH_OFFSET;
        }
        return TEXT;
    }

    /**
     * The kind of a column no value shows, from the engine's type name: what a column of nulls, or a result without
     * rows, is judged by. Lists, structs and unknown types are text.
     */
    static ValueKind ofType(String dataType) {
        String type = dataType == null ? "" : dataType.strip().toUpperCase(Locale.ROOT);
        if (type.endsWith("]") || type.endsWith(">") || type.startsWith("STRUCT") || type.startsWith("MAP")) {
            return TEXT;
        }
        if (type.contains("WITH TIME ZONE") || type.equals("TIMESTAMPTZ")) {
            return TIMESTAMP_WITH_OFFSET;
        }
        if (type.startsWith("TIMESTAMP") || type.startsWith("DATETIME")) {
            return TIMESTAMP;
        }
        if (type.equals("DATE")) {
            return DATE;
        }
        if (type.startsWith("TIME")) {
            return TIME;
        }
        if (type.startsWith("BOOL")) {
            return BOOLEAN;
        }
        return NUMERIC_TYPE.matcher(type).matches() ? NUMBER : TEXT;
    }

    /** The value read as this kind, or as text when it is not one. */
    Cell cell(Object value) {
        if (value == null) {
            return Cell.NULL;
        }
        Optional<Cell> read = switch (this) {
            case NUMBER -> number(value);
            case BOOLEAN -> bool(value);
            case DATE -> date(value).map(date -> Cell.canonical(date.toString()));
            case TIME -> time(value).map(time -> Cell.canonical(TemporalText.format(time)));
            case TIMESTAMP -> timestamp(value).map(timestamp -> Cell.canonical(TemporalText.format(timestamp)));
            case TIMESTAMP_WITH_OFFSET -> instant(value).map(instant -> Cell.canonical(TemporalText.format(instant)));
            case TEXT -> Optional.empty();
        };
        return read.orElseGet(() -> Cell.text(text(value)));
    }

    private static Optional<Cell> number(Object value) {
        // A double's text is its shortest exact form (0.1, not 0.1000000000000000055...), or NaN or +-Infinity.
        if (!(value instanceof Number) && !(value instanceof String)) {
            return Optional.empty();
        }
        String text = text(value).strip();
        if (text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity")) {
            return Optional.of(Cell.canonical(text));
        }
        try {
            return Optional.of(Cell.number(new BigDecimal(text)));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static Optional<Cell> bool(Object value) {
        if (value instanceof Boolean || value instanceof String text
                && (text.strip().equalsIgnoreCase("true") || text.strip().equalsIgnoreCase("false"))) {
            return Optional.of(Cell.canonical(value.toString().strip().toLowerCase(java.util.Locale.ROOT)));
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(Object value) {
        if (value instanceof LocalDate date) {
            return Optional.of(date);
        }
        if (value instanceof java.sql.Date date) {
            return Optional.of(date.toLocalDate());
        }
        return value instanceof String text ? TemporalText.parseDate(text) : Optional.empty();
    }

    private static Optional<LocalTime> time(Object value) {
        if (value instanceof LocalTime time) {
            return Optional.of(time);
        }
        if (value instanceof java.sql.Time time) {
            return Optional.of(time.toLocalTime());
        }
        return value instanceof String text ? TemporalText.parseTime(text) : Optional.empty();
    }

    private static Optional<LocalDateTime> timestamp(Object value) {
        if (value instanceof LocalDateTime timestamp) {
            return Optional.of(timestamp);
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return Optional.of(timestamp.toLocalDateTime());
        }
        if (value instanceof LocalDate date) {
            return Optional.of(date.atStartOfDay());
        }
        return value instanceof String text ? TemporalText.parseLocalTimestamp(text) : Optional.empty();
    }

    /** An instant; a timestamp without an offset is taken as UTC. */
    private static Optional<OffsetDateTime> instant(Object value) {
        if (value instanceof OffsetDateTime instant) {
            return Optional.of(instant);
        }
        if (value instanceof ZonedDateTime instant) {
            return Optional.of(instant.toOffsetDateTime());
        }
        if (value instanceof Instant instant) {
            return Optional.of(instant.atOffset(ZoneOffset.UTC));
        }
        if (value instanceof LocalDateTime local) {
            return Optional.of(local.atOffset(ZoneOffset.UTC));
        }
        return value instanceof String text ? TemporalText.parseInstant(text) : Optional.empty();
    }

    /** A value as text: a decimal without an exponent, everything else as it prints. */
    private static String text(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
