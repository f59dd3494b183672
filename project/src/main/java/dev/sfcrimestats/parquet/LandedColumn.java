package dev.sfcrimestats.parquet;

/**
 * A column of the landed files.
 *
 * @param name  its name in the Parquet files and the models
 * @param field the source field it is read from ({@code :updated_at} for {@code _source_updated_at})
 * @param type  its type
 */
public record LandedColumn(String name, String field, ColumnType type) {
}
