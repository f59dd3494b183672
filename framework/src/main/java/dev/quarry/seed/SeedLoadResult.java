package dev.quarry.seed;

import java.util.List;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.template.Relation;

/**
 * A seed that was loaded.
 *
 * @param relation   the seed's table
 * @param columns    its columns as created: names, and the engine's SQL types
 * @param rowCount   rows loaded
 * @param action     how the table came to hold them
 * @param statements every statement executed, in order (the bulk load itself is not a statement)
 */
public record SeedLoadResult(Relation relation, List<ColumnInfo> columns, long rowCount, SeedPlan.Action action,
        List<String> statements) {

    public SeedLoadResult {
        columns = List.copyOf(columns);
        statements = List.copyOf(statements);
    }
}
