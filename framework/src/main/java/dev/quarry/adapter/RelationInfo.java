package dev.quarry.adapter;

import java.util.List;

/** A relation that exists in the warehouse: whether it is a table or a view, and its columns in order. */
public record RelationInfo(RelationType type, List<ColumnInfo> columns) {

    public RelationInfo {
        columns = List.copyOf(columns);
    }
}
