package dev.quarry.unittest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;

import dev.quarry.compile.SqlDialect;

/**
 * Java values written as SQL literals of an engine. Strings are the dialect's ({@code 'it''s'} on DuckDB and H2,
 * {@code "it's"} on BigQuery); BigQuery's local date-time is a {@code datetime}. Every other literal is the same text on all three.
 */
final class SqlLiterals {

    private final SqlDialect dialect;
    private final boolean bigQuery;

    SqlLiterals(SqlDialect dialect) {
        this.dialect = dialect;
        this.bigQuery = dialect.type().equals("bigquery");
    }

    /**
     * The value as a literal of the type its Java class implies: a number, {@code true}/{@code false}, a string,
     * {@code date '...'} for a {@link LocalDate}, {@code timestamp '...'} for a {@link LocalDateTime}, {@code null};
     * any other value as the string of its {@code toString()}.
     */
    String literal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return floatingPoint(((Number) value).doubleValue());
        }
        if (value instanceof LocalDate date) {
            return "date " + string(date.toString());
        }
        if (value instanceof LocalDateTime timestamp) {
            return (bigQuery ? "datetime " : "timestamp ") + string(TemporalText.format(timestamp));
        }
        return string(value.toString());
    }

    /**
     * A declared type as this engine spells it: YAML often declares BigQuery's names ({@code float64},
     * {@code int64}, {@code string}), which the embedded engines of unit tests do not all know.
     */
    private String engineType(String type) {
        if (bigQuery) {
            return type;
        }
        return switch (type.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "float64" -> "double";
            case "int64" -> "bigint";
            case "string" -> "varchar";
            case "bool" -> "boolean";
            case "datetime" -> "timestamp";
            default -> type;
        };
    }

    /** {@code cast(<literal> as <type>)}, or the bare literal when the type is unknown (blank). */
    String cast(Object value, String type) {
        return type == null || type.isBlank() ? literal(value) : "cast(" + literal(value) + " as " + engineType(type)
                + ")";
    }

    /** A string literal, as the engine writes it. */
    String string(String text) {
        return dialect.stringLiteral(text);
    }

    private String floatingPoint(double value) {
        if (Double.isFinite(value)) {
            return Double.toString(value);
        }
        String text = Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
        return "cast(" + string(text) + " as " + (bigQuery ? "FLOAT64" : "double") + ")";
    }
}
