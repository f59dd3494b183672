package dev.quarry.report;

import java.util.ArrayList;
import java.util.List;

/** Formats rows as a plain text table for {@code quarry show}: a header, a rule, then the rows; nulls print empty. */
public final class TableFormatter {

    private static final int WIDEST_CELL = 60;

    private TableFormatter() {
    }

    public static List<String> format(List<String> header, List<List<Object>> rows) {
        int[] widths = new int[header.size()];
        List<List<String>> cells = new ArrayList<>();
        for (int column = 0; column < header.size(); column++) {
            widths[column] = header.get(column).length();
        }
        for (List<Object> row : rows) {
            List<String> texts = new ArrayList<>();
            for (int column = 0; column < header.size(); column++) {
                String text = cell(row.get(column));
                widths[column] = Math.max(widths[column], text.length());
                texts.add(text);
            }
            cells.add(texts);
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(header, widths));
        StringBuilder rule = new StringBuilder();
        for (int column = 0; column < widths.length; column++) {
            rule.append(column == 0 ? "" : "-+-").append("-".repeat(widths[column]));
        }
        lines.add(rule.toString());
        cells.forEach(row -> lines.add(line(row, widths)));
        return lines;
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString().replace('\n', ' ');
        return text.length() > WIDEST_CELL ? text.substring(0, WIDEST_CELL - 3) + "..." : text;
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.size(); column++) {
            line.append(column == 0 ? "" : " | ").append(String.format("%-" + widths[column] + "s", cells.get(column)));
        }
        return line.toString().stripTrailing();
    }
}
