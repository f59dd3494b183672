package dev.quarry.unittest;

import java.util.ArrayList;
import java.util.List;

import dev.quarry.adapter.QueryResult;

/**
 * The one-line summary of a comparison: {@code expected 3 rows, got 3; 1 expected row missing, 1 unexpected row
 * (columns compared: row_id, resolution)}; in order, the positions that differ are counted instead.
 */
final class DiffSummary {

    private DiffSummary() {
    }

    static String of(int expectedRows, QueryResult actual, List<DiffLine> lines, boolean ordered,
            List<String> columns) {
        String got = actual.truncated()
                ? "got more than " + actual.rows().size() + " (the query stopped fetching there)"
                : "got " + actual.rows().size();
        return "expected " + rows(expectedRows) + (ordered ? " in order" : "") + ", " + got + "; "
                + outcome(lines, ordered, actual.truncated()) + " (columns compared: " + String.join(", ", columns)
                + ")";
    }

    /** The legend the diff table needs above it. */
    static String legend(boolean ordered) {
        return ordered ? "(- expected at this position, + returned at this position)"
                : "(- expected, not returned; + returned, not expected)";
    }

    private static String outcome(List<DiffLine> lines, boolean ordered, boolean truncated) {
        String outcome = ordered ? positions(lines) : matches(lines);
        return truncated && outcome.equals("all match") ? "the rows fetched match, but there are more" : outcome;
    }

    private static String matches(List<DiffLine> lines) {
        long missing = count(lines, DiffLine.Marker.MISSING);
        long unexpected = count(lines, DiffLine.Marker.UNEXPECTED);
        List<String> parts = new ArrayList<>();
        if (missing > 0) {
            parts.add(missing + " expected " + (missing == 1 ? "row" : "rows") + " missing");
        }
        if (unexpected > 0) {
            parts.add(unexpected + " unexpected " + (unexpected == 1 ? "row" : "rows"));
        }
        return parts.isEmpty() ? "all match" : String.join(", ", parts);
    }

    private static String positions(List<DiffLine> lines) {
        long differing = lines.stream()
                .filter(line -> line.marker() != DiffLine.Marker.SAME)
                .mapToInt(DiffLine::position)
                .distinct()
                .count();
        if (differing == 0) {
            return "all match";
        }
        return differing + (differing == 1 ? " position differs" : " positions differ");
    }

    private static long count(List<DiffLine> lines, DiffLine.Marker marker) {
        return lines.stream().filter(line -> line.marker() == marker).count();
    }

    private static String rows(long count) {
        return count + (count == 1 ? " row" : " rows");
    }
}
