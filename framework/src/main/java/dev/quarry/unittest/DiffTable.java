package dev.quarry.unittest;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints diff lines as an aligned table for a terminal: a header and a rule, then one row per line, each starting
 * with its marker ({@code "  "}, {@code "- "}, {@code "+ "}). At most a given number of rows are printed, differing
 * rows first; a last line says how many more there are.
 *
 * <pre>
 *   row_id | resolution
 *   -------+---------------------
 * - 1      | Cite or Arrest Adult
 * + 1      | Open or Active
 *   2      | Unfounded
 * </pre>
 */
final class DiffTable {

    private DiffTable() {
    }

    /**
     * @param columns       the compared columns' names
     * @param withPositions true to print each row's position first, in a column {@code #}
     * @param mostRows      the most rows to print
     */
    static String render(List<String> columns, List<DiffLine> lines, boolean withPositions, int mostRows) {
        List<DiffLine> shown = shown(lines, mostRows);
        List<String> header = new ArrayList<>(columns);
        if (withPositions) {
            header.add(0, "#");
        }
        List<List<String>> cells = new ArrayList<>();
        for (DiffLine line : shown) {
            List<String> row = new ArrayList<>(line.cells().stream().map(Cell::display).toList());
            if (withPositions) {
                row.add(0, Integer.toString(line.position()));
            }
            cells.add(row);
        }
        int[] widths = widths(header, cells);
        StringBuilder table = new StringBuilder();
        table.append(line("  ", header, widths)).append('\n').append(rule(widths));
        for (int index = 0; index < shown.size(); index++) {
            table.append('\n').append(line(shown.get(index).marker().prefix(), cells.get(index), widths));
        }
        if (shown.size() < lines.size()) {
            table.append('\n').append(more(lines, shown));
        }
        return table.toString();
    }

    /** Every line when they fit; else the differing lines first, then lines in both, in their order. */
    private static List<DiffLine> shown(List<DiffLine> lines, int mostRows) {
        if (lines.size() <= mostRows) {
            return lines;
        }
        long differing = lines.stream().filter(line -> line.marker() != DiffLine.Marker.SAME).count();
        long sameBudget = Math.max(0, mostRows - differing);
        List<DiffLine> shown = new ArrayList<>();
        int differingShown = 0;
        int sameShown = 0;
        for (DiffLine line : lines) {
            boolean same = line.marker() == DiffLine.Marker.SAME;
            if (same && sameShown < sameBudget) {
                sameShown++;
                shown.add(line);
            } else if (!same && differingShown < mostRows) {
                differingShown++;
                shown.add(line);
            }
        }
        return shown;
    }

    private static String more(List<DiffLine> lines, List<DiffLine> shown) {
        long differing = lines.stream().filter(line -> line.marker() != DiffLine.Marker.SAME).count()
                - shown.stream().filter(line -> line.marker() != DiffLine.Marker.SAME).count();
        long same = lines.size() - shown.size() - differing;
        List<String> parts = new ArrayList<>();
        if (differing > 0) {
            parts.add(differing + " differing");
        }
        if (same > 0) {
            parts.add(same + " matching");
        }
        return "  ... " + (lines.size() - shown.size()) + " more rows (" + String.join(", ", parts) + ")";
    }

    private static int[] widths(List<String> header, List<List<String>> rows) {
        int[] widths = header.stream().mapToInt(String::length).toArray();
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        return widths;
    }

    private static String line(String prefix, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder(prefix);
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            line.append(column == 0 ? "" : " | ").append(cell).append(" ".repeat(widths[column] - cell.length()));
        }
        return line.toString().stripTrailing();
    }

    private static String rule(int[] widths) {
        StringBuilder rule = new StringBuilder("  ");
        for (int column = 0; column < widths.length; column++) {
            rule.append(column == 0 ? "" : "-+-").append("-".repeat(widths[column]));
        }
        return rule.toString();
    }
}
