package dev.quarry.catalog;

/**
 * A column of a relation in the warehouse.
 *
 * @param index its 1-based position in the relation
 * @param type  the engine's type name, as the engine spells it
 */
public record CatalogColumn(String name, int index, String type) {
}
