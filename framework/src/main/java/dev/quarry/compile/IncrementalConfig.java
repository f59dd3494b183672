package dev.quarry.compile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an incremental model's config must hold on the target's engine: a strategy the engine can write, the
 * {@code unique_key} that {@code merge} and {@code delete+insert} match rows on, the {@code partition_by} that
 * {@code insert_overwrite} replaces. The compile reports a problem at the config's line, for the target it compiles
 * for; materializing checks again.
 */
public final class IncrementalConfig {

    /** Every strategy, in the order hints list them. */
    private static final List<String> STRATEGIES = List.of("merge", "delete+insert", "append", "insert_overwrite");

    /** What is wrong, and what to do. */
    public record Problem(String message, String hint) {
    }

    private IncrementalConfig() {
    }

    /** The problem with a node's incremental config on an engine; empty when it has none or is not incremental. */
    public static Optional<Problem> problem(Map<String, Object> config, SqlDialect dialect) {
        if (!"incremental".equals(config.get("materialized")) || config.get("incremental_strategy") == null) {
            return Optional.empty();
        }
        String strategy = config.get("incremental_strategy").toString().strip();
        if (!dialect.supportsIncrementalStrategy(strategy)) {
            List<String> offered = STRATEGIES.stream().filter(dialect::supportsIncrementalStrategy)
                    .map(name -> "'" + name + "'").toList();
            List<String> keyed = offered.stream().filter(name -> name.equals("'merge'")
                    || name.equals("'delete+insert'")).toList();
            String onTheKey = keyed.isEmpty() ? "" : " (" + String.join(" and ", keyed)
                    + (keyed.size() == 1 ? " matches" : " match") + " rows on the unique_key)";
            return Optional.of(new Problem("incremental_strategy '" + strategy + "' is not supported on "
                    + dialect.type(), "use one of " + String.join(", ", offered) + onTheKey));
        }
        if (strategy.equals("insert_overwrite") && config.get("partition_by") == null) {
            return Optional.of(new Problem("incremental_strategy 'insert_overwrite' needs a partition_by",
                    "set partition_by: {field: ..., data_type: date}; the new rows replace the partitions they fall "
                            + "in"));
        }
        if ((strategy.equals("merge") || strategy.equals("delete+insert")) && uniqueKey(config).isEmpty()) {
            return Optional.of(new Problem("incremental_strategy '" + strategy + "' needs a unique_key",
                    "set unique_key to the column (or list of columns) that identifies a row, or use "
                            + "incremental_strategy 'append'"));
        }
        return Optional.empty();
    }

    /** {@code unique_key}: the columns that identify a row (the config check makes a single string a list). */
    public static List<String> uniqueKey(Map<String, Object> config) {
        Object value = config.get("unique_key");
        if (value instanceof String single) {
            return single.isBlank() ? List.of() : List.of(single.strip());
        }
        if (value instanceof List<?> columns) {
            return columns.stream().map(String::valueOf).map(String::strip).filter(name -> !name.isEmpty())
                    .toList();
        }
        return List.of();
    }
}
