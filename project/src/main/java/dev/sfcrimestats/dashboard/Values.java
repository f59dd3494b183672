package dev.sfcrimestats.dashboard;

import java.time.LocalDate;

/** Reads the values of query results as the engines return them (DuckDB and BigQuery differ in their classes). */
final class Values {

    private Values() {
    }

    static long number(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        return value == null ? 0 : Long.parseLong(String.valueOf(value));
    }

    static double decimal(Object value) {
        return value instanceof Number number ? number.doubleValue() : Double.parseDouble(String.valueOf(value));
    }

    /** A date from a DATE (a {@link LocalDate}) or its ISO text; null stays null. */
    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate date ? date : LocalDate.parse(String.valueOf(value).substring(0, 10));
    }
}
