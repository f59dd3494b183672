package dev.quarry.adapter;

import java.util.List;

/**
 * Rows a query returned, as Java values.
 *
 * @param truncated true when the query had more rows than were fetched
 */
public record QueryResult(List<ColumnInfo> columns, List<List<Object>> rows, boolean truncated) {

    public QueryResult {
        columns = List.copyOf(columns);
        rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row)))
                .toList();
    }
}
