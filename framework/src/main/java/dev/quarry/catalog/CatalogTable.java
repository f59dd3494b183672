package dev.quarry.catalog;

import java.util.List;

import dev.quarry.adapter.RelationType;

/**
 * A node's relation as it exists in the warehouse.
 *
 * @param uniqueId the node's unique id ({@code model.jaffle.stg_orders}, {@code source.jaffle.raw.orders})
 * @param database the relation's database (catalog, project), or null when the engine names none
 * @param columns  in the relation's order
 */
public record CatalogTable(String uniqueId, RelationType type, String database, String schema, String name,
        List<CatalogColumn> columns) {

    public CatalogTable {
        columns = List.copyOf(columns);
    }

    /** The column of that name (case-insensitive), if the relation has it. */
    public java.util.Optional<CatalogColumn> column(String columnName) {
        return columns.stream().filter(column -> column.name().equalsIgnoreCase(columnName)).findFirst();
    }
}
