package dev.quarry.unittest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of one unit test fixture (an input's rows or the expected rows), whichever format they were written in.
 *
 * @param columns    the column names in first-seen order: a CSV fixture's header, or the union of the YAML rows'
 *                   keys (names that differ only in case are one column, spelled as first seen)
 * @param rows       one map per row, column name to value; a key may be missing (the value is then null). Values are
 *                   String, Integer, Long, Double, BigDecimal, Boolean or null from YAML; String or null from CSV
 * @param textValues true when every value is text read from CSV, so that its type can only be inferred
 */
public record FixtureRows(List<String> columns, List<Map<String, Object>> rows, boolean textValues) {

    public FixtureRows {
        columns = List.copyOf(columns);
        rows = rows.stream().map(row -> Collections.unmodifiableMap(new LinkedHashMap<>(row))).toList();
    }

    /** Rows written as YAML maps ({@code format: dict}). */
    public static FixtureRows fromYaml(List<Map<String, Object>> rows) {
        return new FixtureRows(keysInFirstSeenOrder(rows), rows, false);
    }

    /**
     * Rows written as CSV text ({@code format: csv}, inline or read from a fixture file). The first record is the
     * header; every value is a String. An empty field is null, a quoted empty field ({@code ""}) is the empty string.
     * Blank lines are skipped, spaces around a field are ignored (inside quotes they are kept).
     *
     * @throws CsvFixtureException when the text is not CSV, lacks a header, or a row has more or fewer fields than the
     *                             header names
     */
    public static FixtureRows fromCsv(String csvText) {
        return CsvFixtureReader.read(csvText);
    }

    /** The row's value of a column, matching the name case-insensitively; null when the row lacks it. */
    public static Object value(Map<String, Object> row, String column) {
        if (row.containsKey(column)) {
            return row.get(column);
        }
        for (Map.Entry<String, Object> entry : row.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(column)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static List<String> keysInFirstSeenOrder(List<Map<String, Object>> rows) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            row.keySet().forEach(key -> seen.putIfAbsent(key.toLowerCase(Locale.ROOT), key));
        }
        return new ArrayList<>(seen.values());
    }
}
