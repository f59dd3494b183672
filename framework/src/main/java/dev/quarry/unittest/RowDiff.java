package dev.quarry.unittest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Lines up expected rows with actual rows, as multisets or position by position. */
final class RowDiff {

    /** Rows by their cells, column by column, then rows in both before missing before unexpected ones. */
    private static final Comparator<DiffLine> READING_ORDER = ((Comparator<DiffLine>) (left, right) -> {
        for (int column = 0; column < left.cells().size(); column++) {
            int order = Cell.ORDER.compare(left.cells().get(column), right.cells().get(column));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }).thenComparing(DiffLine::marker);

    private RowDiff() {
    }

    /**
     * Each expected row matched with an equal actual row, if one is left; each row appears once, and the lines are
     * sorted by their values so that a missing row sits next to the unexpected row most like it.
     */
    static List<DiffLine> unordered(List<List<Cell>> expected, List<List<Cell>> actual) {
        Map<List<Cell>, Integer> unmatchedActual = count(actual);
        Map<List<Cell>, Integer> matched = new HashMap<>();
        List<DiffLine> lines = new ArrayList<>();
        for (List<Cell> row : expected) {
            boolean found = unmatchedActual.getOrDefault(row, 0) > 0;
            if (found) {
                unmatchedActual.merge(row, -1, Integer::sum);
                matched.merge(row, 1, Integer::sum);
            }
            lines.add(new DiffLine(found ? DiffLine.Marker.SAME : DiffLine.Marker.MISSING, 0, row));
        }
        for (List<Cell> row : actual) {
            if (matched.getOrDefault(row, 0) > 0) {
                matched.merge(row, -1, Integer::sum);
            } else {
                lines.add(new DiffLine(DiffLine.Marker.UNEXPECTED, 0, row));
            }
        }
        lines.sort(READING_ORDER);
        return lines;
    }

    /** The rows compared position by position; a differing position is its expected row, then its actual row. */
    static List<DiffLine> ordered(List<List<Cell>> expected, List<List<Cell>> actual) {
        List<DiffLine> lines = new ArrayList<>();
        for (int index = 0; index < Math.max(expected.size(), actual.size()); index++) {
            List<Cell> wanted = index < expected.size() ? expected.get(index) : null;
            List<Cell> got = index < actual.size() ? actual.get(index) : null;
            if (wanted != null && wanted.equals(got)) {
                lines.add(new DiffLine(DiffLine.Marker.SAME, index + 1, wanted));
                continue;
            }
            if (wanted != null) {
                lines.add(new DiffLine(DiffLine.Marker.MISSING, index + 1, wanted));
            }
            if (got != null) {
                lines.add(new DiffLine(DiffLine.Marker.UNEXPECTED, index + 1, got));
            }
        }
        return lines;
    }

    private static Map<List<Cell>, Integer> count(List<List<Cell>> rows) {
        Map<List<Cell>, Integer> counts = new HashMap<>();
        rows.forEach(row -> counts.merge(row, 1, Integer::sum));
        return counts;
    }
}
