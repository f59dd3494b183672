package dev.quarry.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The text forms seed values take, checked and converted by hand: a seed has millions of values, and a regular
 * expression or an exception per value would be most of the load time. Empty values never get here (they are null).
 */
final class SeedValues {

    /** Bits of {@link #kinds}: the inferable types a value fits. */
    static final int BIGINT = 1;
    static final int DOUBLE = 2;
    static final int BOOLEAN = 4;
    static final int DATE = 8;
    static final int TIMESTAMP = 16;
    static final int ANY = BIGINT | DOUBLE | BOOLEAN | DATE | TIMESTAMP;

    private SeedValues() {
    }

    /**
     * The types inference may give a value, as bits. Numbers with a leading zero ({@code 007}, {@code 02.5}) fit none:
     * they are codes (zip codes, ids) that must keep their zeros. A date also fits a timestamp (at midnight).
     */
    static int kinds(String value) {
        char first = value.charAt(0);
        if (first == 't' || first == 'T' || first == 'f' || first == 'F') {
            return isBoolean(value) ? BOOLEAN : 0;
        }
        if (value.length() >= 10 && value.charAt(4) == '-') {
            if (value.length() == 10) {
                return parseDate(value) != null ? DATE | TIMESTAMP : 0;
            }
            return parseTimestamp(value) != null ? TIMESTAMP : 0;
        }
        return numberKinds(value, true);
    }

    /** The type an inferred column gets from the bits its values left standing. */
    static SeedColumnType inferred(int kinds, boolean sawValue) {
        if (!sawValue) {
            return SeedColumnType.VARCHAR;
        }
        if ((kinds & BIGINT) != 0) {
            return SeedColumnType.BIGINT;
        }
        if ((kinds & DOUBLE) != 0) {
            return SeedColumnType.DOUBLE;
        }
        if ((kinds & BOOLEAN) != 0) {
            return SeedColumnType.BOOLEAN;
        }
        if ((kinds & DATE) != 0) {
            return SeedColumnType.DATE;
        }
        return (kinds & TIMESTAMP) != 0 ? SeedColumnType.TIMESTAMP : SeedColumnType.VARCHAR;
    }

    /**
     * The value as the Java value of the type ({@link Long}, {@link Double}, {@link BigDecimal}, {@link Boolean},
     * {@link LocalDate}, {@link LocalDateTime}, {@link String}), or null when it does not fit the type. Declared
     * numbers may have leading zeros.
     */
    static Object convert(String value, SeedColumnType type) {
        return switch (type.type()) {
            case BIGINT -> (numberKinds(value, false) & BIGINT) != 0 ? (Object) Long.parseLong(value) : null;
            case DOUBLE -> numberKinds(value, false) != 0 ? (Object) Double.parseDouble(value) : null;
            case DECIMAL -> decimal(value, type);
            case BOOLEAN -> isBoolean(value) ? (Object) (value.length() == 4) : null;
            case DATE -> value.length() == 10 ? parseDate(value) : null;
            case TIMESTAMP -> parseTimestamp(value);
            case VARCHAR -> value;
        };
    }

    /**
     * {@code BIGINT | DOUBLE} for a whole number that fits a long, {@code DOUBLE} for other numbers
     * ({@code -1.5}, {@code .5}, {@code 2.}, {@code 1e-3}), 0 for anything else.
     */
    private static int numberKinds(String value, boolean strict) {
        int length = value.length();
        int at = 0;
        char first = value.charAt(0);
        if (first == '-' || first == '+') {
            at++;
        }
        int integerStart = at;
        while (at < length && isDigit(value.charAt(at))) {
            at++;
        }
        int integerDigits = at - integerStart;
        if (strict && integerDigits > 1 && value.charAt(integerStart) == '0') {
            return 0;
        }
        if (at == length) {
            if (integerDigits == 0) {
                return 0;
            }
            return integerDigits < 19 || fitsLong(value) ? BIGINT | DOUBLE : DOUBLE;
        }
        int fractionDigits = 0;
        if (value.charAt(at) == '.') {
            at++;
            int fractionStart = at;
            while (at < length && isDigit(value.charAt(at))) {
                at++;
            }
            fractionDigits = at - fractionStart;
        }
        if (integerDigits + fractionDigits == 0) {
            return 0;
        }
        if (at < length && (value.charAt(at) == 'e' || value.charAt(at) == 'E')) {
            at++;
            if (at < length && (value.charAt(at) == '-' || value.charAt(at) == '+')) {
                at++;
            }
            int exponentStart = at;
            while (at < length && isDigit(value.charAt(at))) {
                at++;
            }
            if (at == exponentStart) {
                return 0;
            }
        }
        return at == length ? DOUBLE : 0;
    }

    private static boolean fitsLong(String value) {
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException tooLarge) {
            return false;
        }
    }

    private static BigDecimal decimal(String value, SeedColumnType type) {
        if (numberKinds(value, false) == 0) {
            return null;
        }
        BigDecimal number = new BigDecimal(value);
        BigDecimal exact = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        int integerDigits = Math.max(exact.precision() - exact.scale(), 0);
        if (exact.scale() > type.scale() || integerDigits > type.precision() - type.scale()) {
            return null;
        }
        return exact.setScale(type.scale());
    }

    private static boolean isBoolean(String value) {
        return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
    }

    /** {@code yyyy-MM-dd} as a valid date, or null. */
    static LocalDate parseDate(String value) {
        if (value.length() < 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 7);
        int day = digits(value, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss} with an optional fraction of up to nine digits, a {@code T} allowed instead of the
     * space; a bare date is midnight. Null when it is none of these.
     */
    static LocalDateTime parseTimestamp(String value) {
        LocalDate date = parseDate(value);
        if (date == null) {
            return null;
        }
        int length = value.length();
        if (length == 10) {
            return date.atStartOfDay();
        }
        char separator = value.charAt(10);
        if (length < 19 || (separator != ' ' && separator != 'T') || value.charAt(13) != ':'
                || value.charAt(16) != ':') {
            return null;
        }
        int hour = digits(value, 11, 13);
        int minute = digits(value, 14, 16);
        int second = digits(value, 17, 19);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 19) {
            int fractionDigits = length - 20;
            if (value.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            nanos = digits(value, 20, length);
            if (nanos < 0) {
                return null;
            }
            for (int missing = fractionDigits; missing < 9; missing++) {
                nanos *= 10;
            }
        }
        return LocalDateTime.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), hour, minute, second,
                nanos);
    }

    /** The number the digits between {@code from} and {@code to} spell, or -1 when one is not a digit. */
    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int at = from; at < to; at++) {
            char c = value.charAt(at);
            if (!isDigit(c)) {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
