package dev.sfcrimestats.socrata;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the fake compares values in {@code $where}, {@code $order} and {@code min}/{@code max}: by the column's type,
 * as Socrata does. Timestamps are compared after normalising both sides to one format, so that
 * {@code '2018-01-01'}, {@code '2018-01-01T00:00:00'} and the stored {@code 2018-01-01T00:00:00.000} are equal and a
 * fixed timestamp's {@code Z} does not matter. Numbers compare numerically; everything else as text.
 */
final class SodaValues {

    /** How one field's values compare. */
    enum Kind { TEXT, NUMBER, TIMESTAMP }

    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?Z?");

    /** Orders keys of one kind; keys of a kind are all Strings or all BigDecimals. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Comparator<Comparable> KEY_ORDER = (left, right) -> left.compareTo(right);

    private SodaValues() {
    }

    /** The comparison kind of a field of this schema. */
    static Kind kindOf(String field, Schema schema) {
        if (field.equals(SystemFields.CREATED_AT) || field.equals(SystemFields.UPDATED_AT)) {
            return Kind.TIMESTAMP;
        }
        if (SystemFields.isSystem(field)) {
            return Kind.TEXT;
        }
        return switch (schema.typeOf(field)) {
            case Schema.FLOATING_TIMESTAMP -> Kind.TIMESTAMP;
            case Schema.NUMBER -> Kind.NUMBER;
            default -> Kind.TEXT;
        };
    }

    /**
     * The comparable key of a value, or null when the value is absent or does not fit the kind (an unparseable
     * number or timestamp), which makes every comparison with it false, like SQL's null.
     */
    @SuppressWarnings("rawtypes")
    static Comparable key(Kind kind, Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof Map ? value.toString() : String.valueOf(value);
        return switch (kind) {
            case TEXT -> text;
            case NUMBER -> number(text);
            case TIMESTAMP -> timestamp(text);
        };
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    // yyyy-MM-ddTHH:mm:ss.fffffffff: every precision a literal or a stored value has becomes the same text length,
    // so text order is time order.
    private static String timestamp(String text) {
        Matcher matcher = TIMESTAMP.matcher(text.trim());
        if (!matcher.matches()) {
            return null;
        }
        String fraction = matcher.group(5) == null ? "" : matcher.group(5);
        return matcher.group(1) + 'T' + orZero(matcher.group(2)) + ':' + orZero(matcher.group(3)) + ':'
                + orZero(matcher.group(4)) + '.' + fraction + "0".repeat(9 - fraction.length());
    }

    private static String orZero(String twoDigits) {
        return twoDigits == null ? "00" : twoDigits;
    }
}
