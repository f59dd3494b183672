package dev.quarry.seed;

import dev.quarry.adapter.ColumnInfo;

/**
 * A column of a seed: its name from the header and its type.
 *
 * @param declared true when {@code column_types} set the type, false when it was inferred from the values
 */
public record SeedColumn(String name, SeedColumnType type, boolean declared) {

    /** The column as an engine creates it: the name as given and the engine's SQL type. */
    public ColumnInfo columnInfo(String engine) {
        return new ColumnInfo(name, type.sqlType(engine));
    }
}
