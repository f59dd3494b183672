package dev.quarry.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Readable, deterministic names for generic tests, as dbt gives them: {@code not_null_fct_incidents_report_row_id},
 * {@code accepted_values_fct_incidents_resolution__Open_or_Active__Unfounded}. Names longer than 80 characters are
 * cut and end in a hash of the full name, so they stay unique.
 */
final class TestNaming {

    private static final int MAXIMUM_LENGTH = 80;
    private static final java.util.regex.Pattern NOT_A_NAME_CHARACTER = java.util.regex.Pattern.compile("[^A-Za-z0-9_]");

    private TestNaming() {
    }

    /**
     * @param attachedTo the model or seed name, or {@code source_table} for sources
     * @param isSource   sources' tests start with {@code source_}
     * @param column     the column, or null for a test on the whole node
     */
    static String name(String testName, String attachedTo, boolean isSource, String column,
            Map<String, Object> arguments) {
        StringBuilder name = new StringBuilder();
        if (isSource) {
            name.append("source_");
        }
        name.append(testName).append('_').append(attachedTo);
        if (column != null) {
            name.append('_').append(column);
        }
        List<String> values = new ArrayList<>();
        arguments.entrySet().stream()
                .filter(entry -> !entry.getKey().equals("column_name") && !entry.getKey().equals("model"))
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> flatten(entry.getValue(), values));
        for (String value : values) {
            name.append("__").append(value);
        }
        String clean = NOT_A_NAME_CHARACTER.matcher(name).replaceAll("_");
        if (clean.length() <= MAXIMUM_LENGTH) {
            return clean;
        }
        return clean.substring(0, MAXIMUM_LENGTH - 17) + "_" + Checksums.sha256(clean).substring(0, 16);
    }

    private static void flatten(Object value, List<String> into) {
        if (value instanceof List<?> list) {
            list.forEach(item -> flatten(item, into));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(item -> flatten(item, into));
        } else {
            into.add(String.valueOf(value));
        }
    }
}
