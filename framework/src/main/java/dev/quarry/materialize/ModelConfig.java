package dev.quarry.materialize;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        return new ModelConfig(uniqueKey(config.get("unique_key")), text(config.get("incremental_strategy")),
                text(config.get("on_schema_change")),
                config.get("full_refresh") instanceof Boolean flag ? Optional.of(flag) : Optional.empty());
    }

    /** The config check makes a single string a list; both are accepted here. */
    private static List<String> uniqueKey(Object value) {
        if (value instanceof String single) {
            return single.isBlank() ? List.of() : List.of(single.strip());
        }
        if (value instanceof List<?> columns) {
            return columns.stream().map(String::valueOf).map(String::strip).filter(name -> !name.isEmpty())
                    .toList();
        }
        return List.of();
    }

    private static Optional<String> text(Object value) {
        return value == null ? Optional.empty() : Optional.of(value.toString().strip());
    }
}
