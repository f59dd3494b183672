package dev.quarry.lineage;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One item of a query's {@code FROM}: an upstream relation, a CTE, a subquery or a table function, with the name a
 * column reference qualifies it by and, when known, its columns' lineage.
 */
final class Source {

    private final String alias;
    private final String relation;
    private final List<OutputColumn> columns;
    private final Function<String, Optional<OutputColumn>> unlisted;
    private final boolean derived;

    /**
     * @param alias    the alias, lower-cased, or null
     * @param relation an upstream relation's normalised name (or a CTE's name), or null for a subquery
     * @param columns  the columns known to exist, in order
     * @param unlisted the lineage of a column not in {@code columns}, when the item may have more; null when not
     * @param derived  whether the item is a CTE or subquery
     */
    private Source(String alias, String relation, List<OutputColumn> columns,
            Function<String, Optional<OutputColumn>> unlisted, boolean derived) {
        this.alias = alias;
        this.relation = relation;
        this.columns = List.copyOf(columns);
        this.unlisted = unlisted;
        this.derived = derived;
    }

    /** An upstream relation: each of its columns is its own direct source, whether or not the catalog lists them. */
    static Source upstream(String alias, String relation, Optional<List<String>> columnNames) {
        Function<String, OutputColumn> column = name -> OutputColumn.direct(name, new ColumnRef(relation, name));
        return columnNames
                .map(names -> new Source(alias, relation, names.stream().map(column).toList(), null, false))
                .orElseGet(() -> new Source(alias, relation, List.of(), name -> Optional.of(column.apply(name)),
                        false));
    }

    /** A CTE or subquery, whose columns are the lineage of its query. */
    static Source derived(String alias, String cteName, QueryColumns query) {
        // An incomplete CTE or subquery owes it to a * already reported where it was written.
        return new Source(alias, cteName, query.columns(), query.unlisted(), true);
    }

    /** A table function (or another item of unknown columns): each column derives from the given sources. */
    static Source opaque(String alias, Function<String, OutputColumn> anyColumn) {
        return new Source(alias, null, List.of(), name -> Optional.of(anyColumn.apply(name)), false);
    }

    /**
     * Whether a qualifier names this item: its alias if it has one, else its relation's full name or last part
     * ({@code fct_incident_reports.incident_key} after {@code from main_core.fct_incident_reports}).
     */
    boolean answersTo(String qualifier) {
        if (alias != null) {
            return alias.equals(qualifier);
        }
        return relation != null && (relation.equals(qualifier) || relation.endsWith("." + qualifier));
    }

    /** Whether every column is listed; otherwise a column of any name may exist. */
    boolean knowsColumns() {
        return unlisted == null;
    }

    /** The listed columns in order. */
    List<OutputColumn> columns() {
        return columns;
    }

    /** The lineage of a column of this item that {@link #columns()} lists, if any. */
    Optional<OutputColumn> listedColumn(String name) {
        return columns.stream().filter(column -> column.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The lineage of the named column: a listed one, or one assumed to exist when the list may be incomplete. */
    Optional<OutputColumn> column(String name) {
        Optional<OutputColumn> listed = listedColumn(name);
        return listed.isPresent() || unlisted == null ? listed : unlisted.apply(name);
    }

    /** The lineage of unlisted columns, when the list may be incomplete. */
    Function<String, Optional<OutputColumn>> unlisted() {
        return unlisted;
    }

    /**
     * This item with the column names of an alias list ({@code as t(a, b)}): listed columns are renamed by position;
     * an item of unknown columns (a table function's) gets the listed names, and no others.
     */
    Source withColumnNames(List<String> names) {
        if (columns.isEmpty() && unlisted != null) {
            return new Source(alias, relation, names.stream().flatMap(name -> unlisted.apply(name).stream()).toList(),
                    null, derived);
        }
        List<OutputColumn> renamed = new java.util.ArrayList<>(columns);
        for (int index = 0; index < Math.min(names.size(), renamed.size()); index++) {
            renamed.set(index, renamed.get(index).renamed(names.get(index)));
        }
        return new Source(alias, relation, renamed, unlisted, derived);
    }

    /** Whether this item is a CTE or subquery (its unknown columns are another item's). */
    boolean isDerived() {
        return derived;
    }

    /** How problems name this item. */
    String describe() {
        return alias != null ? alias : relation != null ? relation : "a subquery";
    }
}
