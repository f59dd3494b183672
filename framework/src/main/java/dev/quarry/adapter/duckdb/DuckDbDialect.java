package dev.quarry.adapter.duckdb;

import java.util.Map;
import java.util.stream.Collectors;

import dev.quarry.adapter.EngineDialect;

/** DuckDB's SQL text: identifiers in double quotes, {@code "catalog"."schema"."name"}. */
public final class DuckDbDialect implements EngineDialect {

    @Override
    public String type() {
        return "duckdb";
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * Files read in place with DuckDB's table functions {@code read_parquet('glob')}, {@code read_csv},
     * {@code read_json}; {@code options} become named arguments. DuckDB detects hive partition folders itself.
     */
    @Override
    public String externalRelation(Map<String, Object> external) {
        Object location = external.get("location");
        if (!(location instanceof String path)) {
            return null;
        }
        String format = external.get("format") instanceof String given ? given : formatFromPath(path);
        String function = switch (format) {
            case "csv" -> "read_csv";
            case "json" -> "read_json";
            default -> "read_parquet";
        };
        String options = "";
        if (external.get("options") instanceof Map<?, ?> given && !given.isEmpty()) {
            options = given.entrySet().stream()
                    .map(entry -> entry.getKey() + " = " + literal(entry.getValue()))
                    .collect(Collectors.joining(", ", ", ", ""));
        }
        return function + "(" + literal(path) + options + ")";
    }

    private static String formatFromPath(String path) {
        if (path.endsWith(".csv") || path.endsWith(".csv.gz")) {
            return "csv";
        }
        return path.endsWith(".json") || path.endsWith(".ndjson") ? "json" : "parquet";
    }

    private static String literal(Object value) {
        if (value instanceof Boolean || value instanceof Number) {
            return value.toString();
        }
        return "'" + String.valueOf(value).replace("'", "''") + "'";
    }

    /** DuckDB's DDL is transactional, and its appender flushes every 2,048 rows: outside a transaction, a commit each. */
    @Override
    public boolean bulkLoadsInOneTransaction() {
        return true;
    }
}
