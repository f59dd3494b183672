package dev.quarry.materialize;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.quarry.adapter.ColumnInfo;

/**
 * How the staged new rows' columns differ from the table's. Names match case-insensitively (DuckDB's names are
 * case-insensitive; in H2 two columns differing only in case would be a model bug anyway) and keep the table's
 * spelling.
 *
 * @param added   the staged columns the table lacks, in the model's order
 * @param removed the table's columns the model no longer selects, in the table's order
 * @param kept    the table's columns the model still selects, in the table's order and spelling
 */
record SchemaChange(List<ColumnInfo> added, List<ColumnInfo> removed, List<String> kept) {

    SchemaChange {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        kept = List.copyOf(kept);
    }

    static SchemaChange between(List<ColumnInfo> table, List<ColumnInfo> staged) {
        return new SchemaChange(
                staged.stream().filter(column -> find(table, column.name()).isEmpty()).toList(),
                table.stream().filter(column -> find(staged, column.name()).isEmpty()).toList(),
                table.stream().filter(column -> find(staged, column.name()).isPresent()).map(ColumnInfo::name)
                        .toList());
    }

    boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty();
    }

    /** The columns the write names under the policy: those the table keeps, then the added ones it gains. */
    List<String> columnsToWrite(OnSchemaChange policy) {
        if (!policy.addsColumns()) {
            return kept;
        }
        return java.util.stream.Stream.concat(kept.stream(), added.stream().map(ColumnInfo::name)).toList();
    }

    /** {@code added 'a', 'b'; removed 'c'}, leaving out an empty half. */
    String describe() {
        String addedText = added.isEmpty() ? "" : "added " + quoted(added);
        String removedText = removed.isEmpty() ? "" : "removed " + quoted(removed);
        return addedText.isEmpty() || removedText.isEmpty() ? addedText + removedText
                : addedText + "; " + removedText;
    }

    /** The column of that name, compared case-insensitively. */
    static Optional<ColumnInfo> find(List<ColumnInfo> columns, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return columns.stream().filter(column -> column.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    private static String quoted(List<ColumnInfo> columns) {
        return columns.stream().map(column -> "'" + column.name() + "'").collect(Collectors.joining(", "));
    }
}
