package dev.quarry.project;

import java.util.List;
import java.util.Map;

import dev.quarry.error.SourceLocation;

/**
 * One table of a source.
 *
 * @param identifier the table's name in the warehouse when it differs from {@code name}
 * @param external   {@code location}, {@code format} and {@code options} for files read in place; may be empty
 * @param loader     the table's own {@code loader:} settings, over the source's; empty when it has none
 * @param loads      false when the table says {@code loader: null}: no loader writes it (its files come from another
 *                   table's loads, such as a batch manifest)
 */
public record SourceTable(String name, String identifier, String description, String loadedAtField,
        Map<String, Object> freshness, Map<String, Object> external, Map<String, Object> loader, boolean loads,
        List<String> tags,
        List<ColumnProperties> columns, List<TestDefinition> tests, SourceLocation location) {

    public SourceTable {
        freshness = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(freshness));
        external = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(external));
        loader = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(loader));
        tags = List.copyOf(tags);
        columns = List.copyOf(columns);
        tests = List.copyOf(tests);
    }
}
