package dev.quarry.ingest;

/**
 * A column the source table declares in YAML, which a loader lands with that type.
 *
 * @param name     the column's name
 * @param dataType its {@code data_type}, or {@code null} when none is declared
 */
public record DeclaredColumn(String name, String dataType) {
}
