package dev.sfcrimestats.parquet;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import org.duckdb.DuckDBAppender;

/**
 * The types a landed column can have, from the {@code data_type} a source declares in YAML, and how a Socrata text
 * value becomes one: numbers arrive as text, timestamps as {@code 2024-02-15T07:09:00.000} (floating, San Francisco
 * local time) or {@code ...Z} (the fixed system fields), points as WKT.
 */
public enum ColumnType {
    STRING("VARCHAR"),
    BIGINT("BIGINT"),
    DOUBLE("DOUBLE"),
    BOOLEAN("BOOLEAN"),
    DATE("DATE"),
    TIMESTAMP("TIMESTAMP");

    private final String duckDbType;

    ColumnType(String duckDbType) {
        this.duckDbType = duckDbType;
    }

    /** The DuckDB type of the column, which Parquet keeps. */
    public String duckDbType() {
        return duckDbType;
    }

    /** The type a YAML {@code data_type} names (engine spellings included); a missing one is text. */
    public static Optional<ColumnType> fromDataType(String dataType) {
        if (dataType == null || dataType.isBlank()) {
            return Optional.of(STRING);
        }
        String base = dataType.trim().toLowerCase(Locale.ROOT).replaceAll("\\(.*\\)$", "");
        return Optional.ofNullable(switch (base) {
            case "string", "text", "varchar", "geography", "point" -> STRING;
            case "int", "integer", "int64", "bigint", "smallint" -> BIGINT;
            case "float", "float64", "double", "real", "numeric", "decimal", "bignumeric" -> DOUBLE;
            case "bool", "boolean" -> BOOLEAN;
            case "date" -> DATE;
            case "timestamp", "datetime", "timestamp_ntz" -> TIMESTAMP;
            default -> null;
        });
    }

    /** The {@code data_type} spellings {@link #fromDataType} accepts, for messages. */
    public static String accepted() {
        return "string, integer (int64, bigint), double (float64, numeric), boolean, date, timestamp (datetime)";
    }

    /** Appends a text value (never null) as this type. */
    void append(DuckDBAppender appender, String text) throws java.sql.SQLException, BadValueException {
        try {
            switch (this) {
                case STRING -> appender.append(text);
                case BIGINT -> appender.append(Long.parseLong(text.contains(".") ? wholeNumber(text) : text));
                case DOUBLE -> appender.append(Double.parseDouble(text));
                case BOOLEAN -> appender.append(bool(text));
                case DATE -> appender.append(date(text));
                case TIMESTAMP -> appender.append(timestamp(text));
                default -> throw new IllegalStateException(name());
            }
        } catch (NumberFormatException | DateTimeParseException failure) {
            throw new BadValueException("'" + text + "' is not a " + name().toLowerCase(Locale.ROOT));
        }
    }

    /** {@code 3.0} as an integer is {@code 3}; {@code 3.5} is not an integer. */
    private static String wholeNumber(String text) {
        double value = Double.parseDouble(text);
        if (value != Math.rint(value)) {
            throw new NumberFormatException(text);
        }
        return Long.toString((long) value);
    }

    private static boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "y", "yes" -> true;
            case "false", "0", "n", "no" -> false;
            default -> throw new NumberFormatException(text);
        };
    }

    private static LocalDate date(String text) {
        return text.length() > 10 ? timestamp(text).toLocalDate() : LocalDate.parse(text);
    }

    /** A floating timestamp as it is; a fixed one ({@code Z} or an offset) in UTC. */
    static LocalDateTime timestamp(String text) {
        LocalDateTime quick = IsoTimestamps.parse(text);
        if (quick != null) {
            return quick;
        }
        char last = text.charAt(text.length() - 1);
        if (last == 'Z' || text.lastIndexOf('+') > 10 || text.lastIndexOf('-') > 10) {
            return OffsetDateTime.parse(text).withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime();
        }
        return text.length() == 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text);
    }
}
