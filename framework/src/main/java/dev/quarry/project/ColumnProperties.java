package dev.quarry.project;

import java.util.List;
import java.util.Map;

import dev.quarry.error.SourceLocation;

/**
 * A column's description, declared type, data tests and constraints.
 *
 * @param constraints the column's {@code constraints:}, each on this column
 */
public record ColumnProperties(String name, String description, String dataType, List<String> tags,
        Map<String, Object> meta, List<TestDefinition> tests, SourceLocation location, List<Constraint> constraints) {

    public ColumnProperties {
        tags = List.copyOf(tags);
        meta = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
        tests = List.copyOf(tests);
        constraints = List.copyOf(constraints);
    }

    /** A column without constraints. */
    public ColumnProperties(String name, String description, String dataType, List<String> tags,
            Map<String, Object> meta, List<TestDefinition> tests, SourceLocation location) {
        this(name, description, dataType, tags, meta, tests, location, List.of());
    }
}
