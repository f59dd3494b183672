package dev.quarry.materialize;

import java.util.Arrays;

import dev.quarry.adapter.EngineDialect;
import dev.quarry.compile.IncrementalConfig;
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
     * has none. A strategy the engine lacks, or one missing what it needs, is the model's error
     * ({@link IncrementalConfig}, which the compile reported already).
     */
    static IncrementalStrategy of(ManifestNode node, EngineDialect dialect) {
        IncrementalConfig.problem(node.config(), dialect).ifPresent(problem -> {
            throw MaterializationException.invalid(node, problem.message(), problem.hint());
        });
        ModelConfig config = ModelConfig.of(node);
        if (config.incrementalStrategy().isEmpty()) {
            return config.uniqueKey().isEmpty() ? APPEND : MERGE;
        }
        String configured = config.incrementalStrategy().get();
        return Arrays.stream(values())
                .filter(candidate -> candidate.configValue.equals(configured))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("an unknown strategy passed the config check: "
                        + configured));
    }
}
