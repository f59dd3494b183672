package dev.quarry.project;

import java.util.List;
import java.util.Map;

import dev.quarry.error.SourceLocation;

/**
 * One table of a source.
 *
 * @param identifier the table's name in the warehouse when it differs from {@code name}
 * @param external   {@code location}, {@code format} and {@code options} for files read in place; may be empty
 */
public record SourceTable(String name, String identifier, String description, String loadedAtField,
        Map<String, Object> freshness, Map<String, Object> external, List<String> tags,
        List<ColumnProperties> columns, List<TestDefinition> tests, SourceLocation location) {

    public SourceTable {
        freshness = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(freshness));
        external = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(external));
        tags = List.copyOf(tags);
        columns = List.copyOf(columns);
        tests = List.copyOf(tests);
    }
}
