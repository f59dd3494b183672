package dev.quarry.project;

import java.util.List;
import java.util.Map;

import dev.quarry.error.SourceLocation;

/**
 * A declared source: raw data Quarry reads but does not build.
 *
 * @param loader the {@code loader:} block ({@code type} and its settings) that {@code quarry ingest} runs; may be empty
 */
public record SourceDefinition(String name, String description, String schema, String database,
        String loadedAtField, Map<String, Object> freshness, Map<String, Object> loader, List<String> tags,
        List<SourceTable> tables, String file, SourceLocation location) {

    public SourceDefinition {
        freshness = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(freshness));
        loader = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(loader));
        tags = List.copyOf(tags);
        tables = List.copyOf(tables);
    }
}
