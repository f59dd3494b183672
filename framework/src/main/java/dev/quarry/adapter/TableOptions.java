package dev.quarry.adapter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.quarry.compile.ManifestNode;
import dev.quarry.project.ColumnProperties;
import dev.quarry.project.PartitionBy;

/**
 * How a relation is laid out and described where the engine supports it: partitioning, clustering, labels, a
 * required partition filter and partition expiry (BigQuery; other engines ignore them), and, with
 * {@code persist_docs}, the model's and its columns' descriptions (BigQuery in its DDL, DuckDB and H2 as comments:
 * {@code EngineDialect.describe}).
 *
 * @param columnDescriptions column name to description, with {@code persist_docs: {columns: true}}
 */
public record TableOptions(Optional<PartitionBy> partitionBy, List<String> clusterBy, Map<String, String> labels,
        boolean requirePartitionFilter, Optional<Long> partitionExpirationDays, Optional<String> description,
        Map<String, String> columnDescriptions) {

    /** Nothing: no layout, no descriptions. */
    public static final TableOptions NONE = new TableOptions(Optional.empty(), List.of(), Map.of(), false,
            Optional.empty(), Optional.empty(), Map.of());

    public TableOptions {
        clusterBy = List.copyOf(clusterBy);
        labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        columnDescriptions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columnDescriptions));
    }

    /** The same options, without the columns' descriptions. */
    public TableOptions withoutColumnDescriptions() {
        return new TableOptions(partitionBy, clusterBy, labels, requirePartitionFilter, partitionExpirationDays,
                description, Map.of());
    }

    /**
     * A model's options, from its resolved config ({@code partition_by}, {@code cluster_by}, {@code labels},
     * {@code require_partition_filter}, {@code partition_expiration_days}, {@code persist_docs}).
     *
     * @throws IllegalArgumentException when {@code partition_by} is malformed (the message says what to write); the
     *         compile reports that already ({@link dev.quarry.project.ConfigKeys})
     */
    public static TableOptions of(ManifestNode node) {
        Map<String, Object> config = node.config();
        Optional<PartitionBy> partitionBy = config.get("partition_by") instanceof Map<?, ?> map
                ? Optional.of(PartitionBy.of(map)) : Optional.empty();
        List<String> clusterBy = config.get("cluster_by") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        Map<String, String> labels = new LinkedHashMap<>();
        if (config.get("labels") instanceof Map<?, ?> map) {
            map.forEach((key, value) -> labels.put(String.valueOf(key), String.valueOf(value)));
        }
        Map<?, ?> persistDocs = config.get("persist_docs") instanceof Map<?, ?> map ? map : Map.of();
        Optional<String> description = Boolean.TRUE.equals(persistDocs.get("relation"))
                && node.description() != null && !node.description().isBlank()
                ? Optional.of(node.description().strip()) : Optional.empty();
        Map<String, String> columnDescriptions = new LinkedHashMap<>();
        if (Boolean.TRUE.equals(persistDocs.get("columns"))) {
            for (ColumnProperties column : node.columns()) {
                if (column.description() != null && !column.description().isBlank()) {
                    columnDescriptions.put(column.name(), column.description().strip());
                }
            }
        }
        Optional<Long> expiration = config.get("partition_expiration_days") instanceof Number days
                ? Optional.of(days.longValue()) : Optional.empty();
        return new TableOptions(partitionBy, clusterBy, labels,
                Boolean.TRUE.equals(config.get("require_partition_filter")), expiration, description,
                columnDescriptions);
    }
}
