package dev.quarry.adapter;

/** A column of a relation as the engine describes it: its name and the engine's type name. */
public record ColumnInfo(String name, String dataType) {
}
