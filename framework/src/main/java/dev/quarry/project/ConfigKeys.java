package dev.quarry.project;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.quarry.error.DidYouMean;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.SourceLocation;

/**
 * The config keys a node accepts and the kind of value each takes. Used for YAML {@code config:} blocks, folder
 * {@code +key}s and in-file {@code <@config/>} alike, so that all three give the same messages.
 */
public final class ConfigKeys {

    /** The kind of value a key takes. */
    enum Kind { STRING, BOOLEAN, INTEGER, STRING_LIST, MAP, ANY }

    public static final Set<String> MATERIALIZATIONS = Set.of("view", "table", "incremental", "ephemeral");
    public static final Set<String> INCREMENTAL_STRATEGIES =
            Set.of("merge", "delete+insert", "append", "insert_overwrite");
    public static final Set<String> SCHEMA_CHANGE_POLICIES =
            Set.of("ignore", "fail", "append_new_columns", "sync_all_columns");
    public static final Set<String> SEVERITIES = Set.of("error", "warn");
    /**
     * Keys whose lists add up across config layers instead of the strongest layer's replacing the others, as in dbt:
     * every hook set for a node runs, the project's folders' first (outer before inner), then its properties YAML's,
     * then its own.
     */
    public static final Set<String> HOOKS = Set.of("pre_hook", "post_hook");

    private static final Map<String, Kind> KEYS = new TreeMap<>(Map.ofEntries(
            Map.entry("materialized", Kind.STRING),
            Map.entry("schema", Kind.STRING),
            Map.entry("database", Kind.STRING),
            Map.entry("alias", Kind.STRING),
            Map.entry("tags", Kind.STRING_LIST),
            Map.entry("enabled", Kind.BOOLEAN),
            Map.entry("unique_key", Kind.STRING_LIST),
            Map.entry("incremental_strategy", Kind.STRING),
            Map.entry("on_schema_change", Kind.STRING),
            Map.entry("pre_hook", Kind.STRING_LIST),
            Map.entry("post_hook", Kind.STRING_LIST),
            Map.entry("persist_docs", Kind.MAP),
            Map.entry("partition_by", Kind.MAP),
            Map.entry("partitions", Kind.STRING_LIST),
            Map.entry("cluster_by", Kind.STRING_LIST),
            Map.entry("labels", Kind.MAP),
            Map.entry("require_partition_filter", Kind.BOOLEAN),
            Map.entry("partition_expiration_days", Kind.INTEGER),
            Map.entry("meta", Kind.MAP),
            Map.entry("docs", Kind.MAP),
            Map.entry("full_refresh", Kind.BOOLEAN),
            Map.entry("grants", Kind.MAP),
            Map.entry("contract", Kind.MAP),
            Map.entry("column_types", Kind.MAP),
            Map.entry("delimiter", Kind.STRING),
            Map.entry("quote_columns", Kind.BOOLEAN),
            Map.entry("severity", Kind.STRING),
            Map.entry("warn_if", Kind.STRING),
            Map.entry("error_if", Kind.STRING),
            Map.entry("where", Kind.STRING),
            Map.entry("limit", Kind.INTEGER),
            Map.entry("store_failures", Kind.BOOLEAN),
            Map.entry("sql_header", Kind.STRING),
            Map.entry("batch_size", Kind.STRING),
            Map.entry("lookback", Kind.INTEGER),
            Map.entry("event_time", Kind.STRING),
            Map.entry("begin", Kind.STRING),
            Map.entry("freshness", Kind.MAP),
            Map.entry("quoting", Kind.MAP)));

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "materialized", MATERIALIZATIONS,
            "incremental_strategy", INCREMENTAL_STRATEGIES,
            "on_schema_change", SCHEMA_CHANGE_POLICIES,
            "severity", SEVERITIES);

    private ConfigKeys() {
    }

    public static boolean isKnown(String key) {
        return KEYS.containsKey(normalise(key));
    }

    /** {@code pre-hook} and {@code pre_hook} are the same key, as in dbt. */
    public static String normalise(String key) {
        return key.replace('-', '_');
    }

    /**
     * Checks one config value. An unknown key is a warning (with did-you-mean); a wrong kind, an unknown
     * materialization or a malformed {@code partition_by} ({@link PartitionBy}) is an error.
     *
     * @return the value to keep (normalised: a single string for a list key becomes a list), or null to drop it
     */
    public static Object check(String key, Object value, SourceLocation location, Diagnostics diagnostics) {
        return check(key, location, value, location, diagnostics);
    }

    /** As {@link #check(String, Object, SourceLocation, Diagnostics)}, with the key's own location for YAML. */
    public static Object check(String key, SourceLocation keyLocation, Object value, SourceLocation location,
            Diagnostics diagnostics) {
        Kind kind = KEYS.get(key);
        if (kind == null) {
            String hint = DidYouMean.hint(key, KEYS.keySet());
            diagnostics.warning(keyLocation, "unknown config key '" + key + "'",
                    hint != null ? hint : "see the config keys in the project format documentation");
            return value;
        }
        if (value == null) {
            return null;
        }
        if (key.equals("grants")) {
            diagnostics.warning(keyLocation, "config 'grants' is read but not applied: Quarry grants no privileges",
                    "grant access outside Quarry (on BigQuery, with IAM roles on the dataset), or remove the key");
        }
        Object normalised = conform(kind, value);
        if (normalised == null) {
            diagnostics.error(location, "config '" + key + "' must be " + describe(kind) + ", not "
                    + describeValue(value));
            return null;
        }
        if ((key.equals("warn_if") || key.equals("error_if")) && Threshold.parse((String) normalised).isEmpty()) {
            diagnostics.error(location, "config '" + key + "' must be a comparison with a number of failing rows, "
                    + "not '" + normalised + "'", "write it as dbt does: \"!=0\", \">10\", \">=5\"");
            return null;
        }
        if (key.equals("partition_by")) {
            try {
                PartitionBy.of((Map<?, ?>) normalised);
            } catch (IllegalArgumentException malformed) {
                diagnostics.error(location, malformed.getMessage(),
                        "write it as dbt-bigquery does: {field: created_at, data_type: timestamp, granularity: day}");
                return null;
            }
        }
        Set<String> allowed = ALLOWED.get(key);
        if (allowed != null && !allowed.contains(normalised)) {
            String hint = DidYouMean.hint((String) normalised, allowed);
            diagnostics.error(location, "config '" + key + "' has an unknown value '" + normalised + "'",
                    hint != null ? hint : "use one of: " + String.join(", ", new java.util.TreeSet<>(allowed)));
            return null;
        }
        return normalised;
    }

    private static Object conform(Kind kind, Object value) {
        return switch (kind) {
            case STRING -> value instanceof String ? value : null;
            case BOOLEAN -> value instanceof Boolean ? value : null;
            case INTEGER -> value instanceof Long || value instanceof Integer ? ((Number) value).longValue() : null;
            case STRING_LIST -> {
                if (value instanceof String text) {
                    yield List.of(text);
                }
                if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
                    yield List.copyOf(list);
                }
                yield null;
            }
            case MAP -> value instanceof Map ? value : null;
            case ANY -> value;
        };
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case STRING -> "a string";
            case BOOLEAN -> "true or false";
            case INTEGER -> "a whole number";
            case STRING_LIST -> "a string or a list of strings";
            case MAP -> "a mapping";
            case ANY -> "a value";
        };
    }

    static String describeValue(Object value) {
        if (value instanceof String text) {
            return "the string '" + text + "'";
        }
        if (value instanceof Number) {
            return "the number " + value;
        }
        if (value instanceof Boolean) {
            return "the boolean " + value;
        }
        if (value instanceof List) {
            return "a list";
        }
        return value instanceof Map ? "a mapping" : String.valueOf(value);
    }
}
