package dev.quarry.unittest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.QueryResult;

/**
 * Compares the rows a model returned with a unit test's expected rows.
 *
 * <p>Only the columns the expectation names are compared (names match case-insensitively); with no expected columns
 * (no rows) every column is. Rows are compared as multisets unless the test is {@code ordered}, then position by
 * position. Each expected value is read as the kind of value its result column holds (see {@link ValueKind}): numbers
 * by value whatever their type and scale, dates and timestamps from their usual texts, booleans from
 * {@code true}/{@code "true"}; null equals only null. A result cut short by the query's row limit never passes, so
 * query with a limit above the expected row count.
 */
public final class RowComparator {

    /** The most rows a diff prints. */
    public static final int MOST_ROWS_SHOWN = 50;

    private RowComparator() {
    }

    /**
     * @param expected the expected rows
     * @param actual   what the model's query returned
     * @param ordered  true when the rows must come in the expected order
     */
    public static RowComparison compare(FixtureRows expected, QueryResult actual, boolean ordered) {
        List<String> actualNames = actual.columns().stream().map(ColumnInfo::name).toList();
        List<String> wanted = expected.columns().isEmpty() ? actualNames : expected.columns();
        List<Integer> indexes = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String column : wanted) {
            int index = indexOf(actualNames, column);
            if (index < 0) {
                missing.add(column);
            }
            indexes.add(index);
        }
        if (!missing.isEmpty()) {
            return new RowComparison(false, missingColumns(missing, actualNames), "");
        }
        List<ValueKind> kinds = indexes.stream().map(index -> kindOf(actual, index)).toList();
        List<List<Cell>> expectedRows = expected.rows().stream().map(row -> expectedCells(row, wanted, kinds)).toList();
        List<List<Cell>> actualRows = actual.rows().stream().map(row -> actualCells(row, indexes)).toList();
        List<DiffLine> lines = ordered ? RowDiff.ordered(expectedRows, actualRows)
                : RowDiff.unordered(expectedRows, actualRows);
        List<String> names = indexes.stream().map(actualNames::get).toList();
        String summary = DiffSummary.of(expectedRows.size(), actual, lines, ordered, names);
        boolean passed = !actual.truncated() && lines.stream().allMatch(line -> line.marker() == DiffLine.Marker.SAME);
        return new RowComparison(passed, summary, passed ? ""
                : DiffSummary.legend(ordered) + "\n" + DiffTable.render(names, lines, ordered, MOST_ROWS_SHOWN));
    }

    /** An exact match first, then one that differs only in case. */
    private static int indexOf(List<String> names, String column) {
        int exact = names.indexOf(column);
        if (exact >= 0) {
            return exact;
        }
        for (int index = 0; index < names.size(); index++) {
            if (names.get(index).equalsIgnoreCase(column)) {
                return index;
            }
        }
        return -1;
    }

    private static String missingColumns(List<String> missing, List<String> actualNames) {
        String names = missing.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
        return "the result has no " + (missing.size() == 1 ? "column " : "columns ") + names
                + " (its columns: " + String.join(", ", actualNames) + ")";
    }

    /** The kind of the column's first non-null value; when there is none, the kind its type name says. */
    private static ValueKind kindOf(QueryResult actual, int index) {
        return actual.rows().stream()
                .map(row -> row.get(index))
                .filter(value -> value != null)
                .findFirst()
                .map(ValueKind::of)
                .orElseGet(() -> ValueKind.ofType(actual.columns().get(index).dataType()));
    }

    private static List<Cell> expectedCells(Map<String, Object> row, List<String> columns, List<ValueKind> kinds) {
        List<Cell> cells = new ArrayList<>();
        for (int column = 0; column < columns.size(); column++) {
            cells.add(kinds.get(column).cell(FixtureRows.value(row, columns.get(column))));
        }
        return cells;
    }

    private static List<Cell> actualCells(List<Object> row, List<Integer> indexes) {
        return indexes.stream().map(row::get).map(value -> ValueKind.of(value).cell(value)).toList();
    }
}
