package dev.quarry.project;

import java.util.Map;

import dev.quarry.error.SourceLocation;

/**
 * The active connection target from {@code profiles.yml}.
 *
 * @param type     the engine: duckdb, h2 or bigquery
 * @param schema   the default schema (BigQuery: the dataset)
 * @param database the database (DuckDB: the catalog, from the file name; BigQuery: the project); may be null
 * @param settings every key of the output, with env_var() resolved, for the engine adapter
 */
public record Target(
        String profileName,
        String name,
        String type,
        String schema,
        String database,
        int threads,
        Map<String, Object> settings,
        SourceLocation location) {

    public static final java.util.Set<String> ENGINES = java.util.Set.of("duckdb", "h2", "bigquery");

    public Target {
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    }
}
