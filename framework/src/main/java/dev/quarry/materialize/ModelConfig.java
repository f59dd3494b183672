package dev.quarry.materialize;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.quarry.compile.IncrementalConfig;
import dev.quarry.compile.ManifestNode;

/**
 * The config values materializations read, from a node's resolved config.
 *
 * @param uniqueKey           {@code unique_key}: the columns that identify a row, empty when none
 * @param incrementalStrategy {@code incremental_strategy}, as written
 * @param onSchemaChange      {@code on_schema_change}, as written
 * @param fullRefresh         {@code full_refresh}: when set, it wins over {@code --full-refresh} (false keeps an
 *                            incremental model incremental, true always rebuilds it)
 */
record ModelConfig(List<String> uniqueKey, Optional<String> incrementalStrategy, Optional<String> onSchemaChange,
        Optional<Boolean> fullRefresh) {

    ModelConfig {
        uniqueKey = List.copyOf(uniqueKey);
    }

    static ModelConfig of(ManifestNode node) {
        Map<String, Object> config = node.config();
        return new ModelConfig(IncrementalConfig.uniqueKey(config), text(config.get("incremental_strategy")),
                text(config.get("on_schema_change")),
                config.get("full_refresh") instanceof Boolean flag ? Optional.of(flag) : Optional.empty());
    }

    private static Optional<String> text(Object value) {
        return value == null ? Optional.empty() : Optional.of(value.toString().strip());
    }
}
