package dev.quarry.project;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.quarry.error.SourceLocation;

/**
 * A constraint of a model with an enforced contract, as dbt writes them: under a column ({@code constraints:
 * [{type: not_null}]}, on that column) or under the model ({@code {type: primary_key, columns: [a, b]}}).
 *
 * @param type       {@code not_null}, {@code primary_key}, {@code unique}, {@code check}, {@code foreign_key} or
 *                   {@code custom}, as written
 * @param columns    the columns it is on
 * @param expression a check's or custom constraint's SQL, or null
 * @param location   where it is written
 */
public record Constraint(String type, List<String> columns, String expression, SourceLocation location) {

    /** The types dbt knows. */
    public static final Set<String> TYPES = Set.of("not_null", "primary_key", "unique", "check", "foreign_key",
            "custom");

    public Constraint {
        columns = List.copyOf(columns);
    }

    /** The constraint as the manifest records it: dbt's fields. */
    public Map<String, Object> toManifest() {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("type", type);
        fields.put("columns", columns);
        fields.put("expression", expression);
        return fields;
    }
}
