package dev.quarry.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names as the SQL wrote them, made comparable: quotes ({@code "} on DuckDB, {@code `} on BigQuery) removed and
 * lower-cased, since both engines match column names (and DuckDB relation names) ignoring case.
 */
final class Identifiers {

    private Identifiers() {
    }

    /** One identifier without its quotes, lower-cased. */
    static String name(String written) {
        return String.join(".", parts(written));
    }

    /**
     * The parts of a dotted name, each unquoted and lower-cased. A quoted part keeps its dots as written, then is
     * split too, so that BigQuery's {@code `project.dataset.table`} and {@code `project`.`dataset`.`table`} agree.
     */
    static List<String> parts(String written) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        char quote = 0;
        for (char character : written.strip().toCharArray()) {
            if (quote != 0) {
                if (character == quote) {
                    quote = 0;
                } else if (character == '.') {
                    add(parts, part);
                } else {
                    part.append(character);
                }
            } else if (character == '"' || character == '`' || character == '[') {
                quote = character == '[' ? ']' : character;
            } else if (character == '.') {
                add(parts, part);
            } else {
                part.append(character);
            }
        }
        add(parts, part);
        return parts;
    }

    private static void add(List<String> parts, StringBuilder part) {
        if (part.length() > 0) {
            parts.add(part.toString().toLowerCase(Locale.ROOT));
            part.setLength(0);
        }
    }

    /** An identifier without its quotes, in the case it was written: the name of an output column. */
    static String unquoted(String written) {
        String name = written.strip();
        if (name.length() >= 2 && (name.startsWith("\"") && name.endsWith("\"")
                || name.startsWith("`") && name.endsWith("`"))) {
            return name.substring(1, name.length() - 1);
        }
        return name;
    }
}
