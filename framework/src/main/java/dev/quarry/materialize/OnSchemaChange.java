package dev.quarry.materialize;

import java.util.Arrays;
import java.util.stream.Collectors;

import dev.quarry.compile.ManifestNode;

/** What an incremental build does when the model's columns differ from its table's ({@code on_schema_change}). */
enum OnSchemaChange {
    /** Writes only the columns the table already has; new columns are left out, removed ones are null. */
    IGNORE("ignore"),
    /** Stops with an error naming the added and removed columns. */
    FAIL("fail"),
    /** Adds the new columns to the table; removed ones are null in new rows. */
    APPEND_NEW_COLUMNS("append_new_columns"),
    /** Adds the new columns and drops the removed ones. */
    SYNC_ALL_COLUMNS("sync_all_columns");

    private final String configValue;

    OnSchemaChange(String configValue) {
        this.configValue = configValue;
    }

    String configValue() {
        return configValue;
    }

    boolean addsColumns() {
        return switch (this) {
            case APPEND_NEW_COLUMNS, SYNC_ALL_COLUMNS -> true;
            case IGNORE, FAIL -> false;
        };
    }

    boolean dropsColumns() {
        return switch (this) {
            case SYNC_ALL_COLUMNS -> true;
            case IGNORE, FAIL, APPEND_NEW_COLUMNS -> false;
        };
    }

    /** The model's policy; {@code ignore} when it sets none, as in dbt. */
    static OnSchemaChange of(ManifestNode node) {
        return ModelConfig.of(node).onSchemaChange()
                .map(configured -> Arrays.stream(values())
                        .filter(candidate -> candidate.configValue.equals(configured))
                        .findFirst()
                        .orElseThrow(() -> MaterializationException.invalid(node,
                                "unknown on_schema_change '" + configured + "'",
                                "use one of " + Arrays.stream(values()).map(value -> "'" + value.configValue + "'")
                                        .collect(Collectors.joining(", ")))))
                .orElse(IGNORE);
    }
}
