package dev.quarry.adapter.bigquery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;

/**
 * Rows as BigQuery's newline-delimited JSON load format: one object per line, keyed by column name, so columns match
 * by name and a null is simply {@code null}. Dates are {@code yyyy-MM-dd}, datetimes {@code yyyy-MM-dd HH:mm:ss[.f]}
 * (what DATETIME and TIMESTAMP columns both accept; a TIMESTAMP reads them as UTC), numerics keep their exact text.
 */
final class NewlineDelimitedJson {

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private NewlineDelimitedJson() {
    }

    /** One row as a line (with its newline). */
    static String row(List<String> columns, Object[] values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("a row has " + values.length + " values for " + columns.size()
                    + " columns");
        }
        StringBuilder line = new StringBuilder("{");
        for (int index = 0; index < values.length; index++) {
            if (index > 0) {
                line.append(',');
            }
            string(line, columns.get(index)).append(':');
            value(line, values[index]);
        }
        return line.append("}\n").toString();
    }

    /** A map (of strings, numbers, booleans, maps and lists) as one JSON object. */
    static String object(Map<?, ?> map) {
        StringBuilder json = new StringBuilder();
        value(json, map);
        return json.toString();
    }

    private static void value(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof java.math.BigInteger) {
            json.append(value);
        } else if (value instanceof BigDecimal decimal) {
            json.append(decimal.toPlainString());
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            // JSON has no NaN or infinities; BigQuery reads them from strings.
            if (Double.isFinite(number)) {
                json.append(value);
            } else {
                string(json, Double.isNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity");
            }
        } else if (value instanceof LocalDateTime dateTime) {
            string(json, DATETIME.format(dateTime));
        } else if (value instanceof LocalDate || value instanceof LocalTime) {
            string(json, value.toString());
        } else if (value instanceof TemporalAccessor instant) {
            // Instant, OffsetDateTime, ZonedDateTime: ISO 8601 with its offset, which TIMESTAMP columns accept.
            string(json, instant.toString());
        } else if (value instanceof Map<?, ?> map) {
            json.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                string(json, String.valueOf(entry.getKey())).append(':');
                value(json, entry.getValue());
            }
            json.append('}');
        } else if (value instanceof List<?> list) {
            json.append('[');
            for (int index = 0; index < list.size(); index++) {
                if (index > 0) {
                    json.append(',');
                }
                value(json, list.get(index));
            }
            json.append(']');
        } else {
            string(json, value.toString());
        }
    }

    private static StringBuilder string(StringBuilder json, String text) {
        json.append('"');
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            switch (character) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (character < 0x20 || character == '\u2028' || character == '\u2029') {
                        json.append(String.format("\\u%04x", (int) character));
                    } else {
                        json.append(character);
                    }
                }
            }
        }
        return json.append('"');
    }
}
