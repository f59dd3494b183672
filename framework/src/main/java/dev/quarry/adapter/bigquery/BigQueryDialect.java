package dev.quarry.adapter.bigquery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.quarry.adapter.EngineDialect;
import dev.quarry.adapter.RelationType;
import dev.quarry.adapter.TableOptions;
import dev.quarry.project.PartitionBy;
import dev.quarry.template.Relation;

/**
 * GoogleSQL text: identifiers in backticks; a relation is {@code `project`.`dataset`.`table`}, the dataset being the
 * schema. Tables and views are replaced with {@code create or replace}, which BigQuery does atomically (the old
 * relation stays when the new one fails), with their partitioning, clustering and options in the same statement.
 * BigQuery has no transactions across jobs, so {@code delete+insert} is not offered; {@code insert_overwrite}
 * replaces whole partitions with one {@code merge}.
 */
public final class BigQueryDialect implements EngineDialect {

    /** How long a staging table lives if a run dies before dropping it. */
    private static final int STAGING_HOURS = 12;

    @Override
    public String type() {
        return "bigquery";
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("\\", "\\\\").replace("`", "\\`") + '`';
    }

    @Override
    public boolean replacesRelationsAtomically() {
        return true;
    }

    @Override
    public boolean supportsIncrementalStrategy(String strategy) {
        return List.of("merge", "insert_overwrite", "append").contains(strategy);
    }

    /** A GoogleSQL string literal: double quotes, with backslash escapes (it cannot hold a raw line break). */
    @Override
    public String stringLiteral(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char character : text.toCharArray()) {
            switch (character) {
                case '\\' -> literal.append("\\\\");
                case '"' -> literal.append("\\\"");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\t' -> literal.append("\\t");
                default -> literal.append(character);
            }
        }
        return literal.append('"').toString();
    }

    @Override
    public String createSchema(String database, String schema) {
        return "create schema if not exists " + (database == null ? quote(schema)
                : quote(database) + "." + quote(schema));
    }

    /**
     * A staging table (an incremental model's new rows): it expires by itself after some hours, in case the run
     * dies before dropping it.
     */
    @Override
    public String createTableAs(Relation relation, String selectSql) {
        return "create or replace table " + relation.rendered() + "\noptions(expiration_timestamp = "
                + "timestamp_add(current_timestamp(), interval " + STAGING_HOURS + " hour))\nas\n" + selectSql;
    }

    @Override
    public String createTableAs(Relation relation, String selectSql, TableOptions options) {
        return "create table " + relation.rendered() + layout(options) + "\nas\n" + selectSql;
    }

    @Override
    public String createOrReplaceTableAs(Relation relation, String selectSql, TableOptions options) {
        return "create or replace table " + relation.rendered() + layout(options) + "\nas\n" + selectSql;
    }

    @Override
    public String createView(Relation relation, String selectSql) {
        return "create view " + relation.rendered() + " as\n" + selectSql;
    }

    @Override
    public String createOrReplaceView(Relation relation, String selectSql, TableOptions options) {
        String description = options.description().map(text -> "\noptions(description = " + stringLiteral(text)
                + ")").orElse("");
        return "create or replace view " + relation.rendered() + description + "\nas\n" + selectSql;
    }

    /** BigQuery adds no not-null constraint to a table that exists. */
    @Override
    public java.util.Optional<String> setNotNull(Relation table, String column) {
        return java.util.Optional.empty();
    }

    /** BigQuery keeps a primary key as information for the optimizer: it is not enforced. */
    @Override
    public String addPrimaryKey(Relation table, List<String> columns) {
        return EngineDialect.super.addPrimaryKey(table, columns) + " not enforced";
    }

    /** The columns' descriptions: the relation's own is in its DDL's options. */
    @Override
    public List<String> describe(Relation relation, RelationType type, TableOptions options) {
        String keyword = type == RelationType.VIEW ? "view" : "table";
        List<String> statements = new ArrayList<>();
        options.columnDescriptions().forEach((column, description) -> statements.add("alter " + keyword + " "
                + relation.rendered() + " alter column " + quote(column) + " set options(description = "
                + stringLiteral(description) + ")"));
        return statements;
    }

    @Override
    public String beginTransaction() {
        return "begin transaction";
    }

    @Override
    public String commit() {
        return "commit transaction";
    }

    @Override
    public String rollback() {
        return "rollback transaction";
    }

    /**
     * Deletes the target's partitions that the staged rows fall in (or the given ones) and inserts the staged rows, in
     * one {@code merge} on a false condition, which BigQuery runs atomically. The staged rows' partitions are first
     * read into a script variable: compared with a constant list, the target's partitions are pruned, so only those
     * replaced are scanned (and billed).
     */
    @Override
    public String insertOverwrite(Relation target, Relation staged, List<String> columns, PartitionBy partitionBy,
            List<String> partitions) {
        String partitionOfTarget = partitionExpression(partitionBy, "target." + quote(partitionBy.field()));
        StringBuilder script = new StringBuilder();
        String replaced;
        if (partitions.isEmpty()) {
            script.append("declare quarry_partitions array<").append(partitionType(partitionBy))
                    .append("> default (select array_agg(distinct ")
                    .append(partitionExpression(partitionBy, quote(partitionBy.field()))).append(") from ")
                    .append(staged.rendered()).append(");\n");
            replaced = "unnest(quarry_partitions)";
        } else {
            replaced = "(" + String.join(", ", partitions) + ")";
        }
        String values = columns.stream().map(column -> "source." + quote(column)).collect(Collectors.joining(", "));
        return script.append("merge into ").append(target.rendered()).append(" as target\nusing ")
                .append(staged.rendered()).append(" as source\non false\nwhen not matched by source and ")
                .append(partitionOfTarget).append(" in ").append(replaced).append(" then delete")
                .append("\nwhen not matched then insert (").append(columnList(columns)).append(") values (")
                .append(values).append(')').toString();
    }

    /** The type of a partitioning expression's values. */
    private static String partitionType(PartitionBy partition) {
        return switch (partition.dataType()) {
            case "date" -> "date";
            case "timestamp" -> "timestamp";
            case "datetime" -> "datetime";
            default -> "int64";
        };
    }

    /**
     * {@code create or replace external table} over the files: idempotent, and it reads the files as they are at
     * each query, so a new load needs no new staging. A {@code **} in the location becomes BigQuery's single
     * wildcard (which spans folders); with {@code options: {hive_partitioning: true}} the folders' {@code key=value}
     * parts become columns. Other options are BigQuery's external table options, passed as written. JSON files of one
     * source may differ in their fields, and BigQuery detects the schema from one file: a field it did not see is
     * ignored rather than failing every query ({@code ignore_unknown_values}, unless the options set it).
     */
    @Override
    public java.util.Optional<String> createExternalTable(Relation relation, Map<String, Object> external) {
        if (!(external.get("location") instanceof String location)) {
            return java.util.Optional.empty();
        }
        String uri = location.replace("**/", "").replace("**", "*");
        String format = switch (external.get("format") instanceof String given ? given
                : uri.endsWith(".csv") ? "csv" : uri.endsWith(".json") || uri.endsWith(".ndjson") ? "json"
                        : "parquet") {
            case "csv" -> "CSV";
            case "json" -> "NEWLINE_DELIMITED_JSON";
            default -> "PARQUET";
        };
        Map<?, ?> options = external.get("options") instanceof Map<?, ?> given ? given : Map.of();
        boolean hive = Boolean.TRUE.equals(options.get("hive_partitioning"));
        List<String> settings = new ArrayList<>();
        settings.add("format = " + stringLiteral(format));
        settings.add("uris = [" + stringLiteral(uri) + "]");
        if (hive) {
            int wildcard = uri.indexOf('*');
            String prefix = wildcard < 0 ? uri : uri.substring(0, uri.lastIndexOf('/', wildcard));
            settings.add("hive_partition_uri_prefix = " + stringLiteral(prefix));
        }
        options.forEach((key, value) -> {
            if (!"hive_partitioning".equals(key)) {
                settings.add(key + " = " + (value instanceof String text ? stringLiteral(text) : value));
            }
        });
        if (format.equals("NEWLINE_DELIMITED_JSON") && !options.containsKey("ignore_unknown_values")) {
            settings.add("ignore_unknown_values = true");
        }
        return java.util.Optional.of("create or replace external table " + relation.rendered()
                + (hive ? "\nwith partition columns" : "") + "\noptions(" + String.join(", ", settings) + ")");
    }

    /** {@code partition by ...}, {@code cluster by ...} and {@code options(...)}, each on its own line. */
    private String layout(TableOptions options) {
        StringBuilder layout = new StringBuilder();
        options.partitionBy().ifPresent(partition -> layout.append("\npartition by ")
                .append(partitionExpression(partition, quote(partition.field()))));
        if (!options.clusterBy().isEmpty()) {
            layout.append("\ncluster by ").append(columnList(options.clusterBy()));
        }
        List<String> settings = new ArrayList<>();
        options.description().ifPresent(text -> settings.add("description = " + stringLiteral(text)));
        if (!options.labels().isEmpty()) {
            settings.add("labels = [" + options.labels().entrySet().stream()
                    .map(label -> "(" + stringLiteral(label.getKey()) + ", " + stringLiteral(label.getValue()) + ")")
                    .collect(Collectors.joining(", ")) + "]");
        }
        if (options.requirePartitionFilter()) {
            settings.add("require_partition_filter = true");
        }
        options.partitionExpirationDays().ifPresent(days -> settings.add("partition_expiration_days = " + days));
        if (!settings.isEmpty()) {
            layout.append("\noptions(").append(String.join(", ", settings)).append(')');
        }
        return layout.toString();
    }

    /**
     * The partitioning expression of a column as {@code partition by} takes it and as partitions are compared: the
     * column itself for a daily date, else truncated to the granularity; {@code range_bucket} for integers.
     */
    static String partitionExpression(PartitionBy partition, String column) {
        String granularity = partition.granularity();
        return switch (partition.dataType()) {
            case "date" -> granularity.equals("day") ? column : "date_trunc(" + column + ", " + granularity + ")";
            case "timestamp" -> "timestamp_trunc(" + column + ", " + granularity + ")";
            case "datetime" -> "datetime_trunc(" + column + ", " + granularity + ")";
            case "int64" -> partition.range().map(range -> "range_bucket(" + column + ", generate_array("
                    + range.start() + ", " + range.end() + ", " + range.interval() + "))").orElseThrow();
            default -> throw new IllegalArgumentException("unknown partition data type " + partition.dataType());
        };
    }
}
