package dev.quarry.project;

import java.util.List;
import java.util.Map;

import dev.quarry.error.SourceLocation;

/** A column's description, declared type and data tests. */
public record ColumnProperties(String name, String description, String dataType, List<String> tags,
        Map<String, Object> meta, List<TestDefinition> tests, SourceLocation location) {

    public ColumnProperties {
        tags = List.copyOf(tags);
        meta = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
        tests = List.copyOf(tests);
    }
}
