package dev.quarry.materialize;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.quarry.adapter.EngineDialect;
import dev.quarry.compile.ManifestNode;

/** How an incremental model's new rows reach its table ({@code incremental_strategy}). */
enum IncrementalStrategy {
    /** Updates the rows whose unique key matches and inserts the others, in one statement. */
    MERGE("merge", "merged into table"),
    /** Deletes the rows whose unique key matches, then inserts all new rows, in one transaction. */
    DELETE_INSERT("delete+insert", "deleted and inserted into table"),
    /** Inserts the new rows. */
    APPEND("append", "appended to table"),
    /** Replaces the table's partitions that the new rows fall in (or those configured) with the new rows. */
    INSERT_OVERWRITE("insert_overwrite", "overwrote partitions of table");

    private final String configValue;
    private final String summary;

    IncrementalStrategy(String configValue, String summary) {
        this.configValue = configValue;
        this.summary = summary;
    }

    String configValue() {
        return configValue;
    }

    String summary() {
        return summary;
    }

    boolean needsUniqueKey() {
        return switch (this) {
            case MERGE, DELETE_INSERT -> true;
            case APPEND, INSERT_OVERWRITE -> false;
        };
    }

    /**
     * The model's strategy: as configured, else {@code merge} when it has a unique key and {@code append} when it
     * has none.
     */
    static IncrementalStrategy of(ManifestNode node, EngineDialect dialect) {
        ModelConfig config = ModelConfig.of(node);
        List<String> uniqueKey = config.uniqueKey();
        if (config.incrementalStrategy().isEmpty()) {
            return uniqueKey.isEmpty() ? APPEND : MERGE;
        }
        String configured = config.incrementalStrategy().get();
        IncrementalStrategy strategy = Arrays.stream(values())
                .filter(candidate -> candidate.configValue.equals(configured))
                .filter(candidate -> dialect.supportsIncrementalStrategy(candidate.configValue))
                .findFirst()
                .orElseThrow(() -> MaterializationException.invalid(node,
                        "incremental_strategy '" + configured + "' is not supported on " + dialect.type(),
                        "use one of " + known(dialect)
                                + " ('merge' and 'delete+insert' match rows on the unique_key)"));
        if (strategy == INSERT_OVERWRITE && node.config().get("partition_by") == null) {
            throw MaterializationException.invalid(node, "incremental_strategy 'insert_overwrite' needs a "
                    + "partition_by", "set partition_by: {field: ..., data_type: date}; the new rows replace the "
                            + "partitions they fall in");
        }
        if (strategy.needsUniqueKey() && uniqueKey.isEmpty()) {
            throw MaterializationException.invalid(node,
                    "incremental_strategy '" + configured + "' needs a unique_key",
                    "set unique_key to the column (or list of columns) that identifies a row, or use "
                            + "incremental_strategy 'append'");
        }
        return strategy;
    }

    private static String known(EngineDialect dialect) {
        return Arrays.stream(values()).filter(value -> dialect.supportsIncrementalStrategy(value.configValue))
                .map(value -> "'" + value.configValue + "'")
                .collect(Collectors.joining(", "));
    }
}
