package dev.quarry.lineage;

import java.util.Comparator;
import java.util.Objects;

/**
 * A column of an upstream relation.
 *
 * @param relation the relation's name as the SQL wrote it, without quotes and lower-cased, its parts joined by dots
 *                 ({@code "main_core"."fct_incident_reports"} is {@code main_core.fct_incident_reports}, BigQuery's
 *                 {@code `project.dataset.table`} is {@code project.dataset.table})
 * @param column   the column's name, without quotes and lower-cased
 */
public record ColumnRef(String relation, String column) implements Comparable<ColumnRef> {

    private static final Comparator<ColumnRef> ORDER =
            Comparator.comparing(ColumnRef::relation).thenComparing(ColumnRef::column);

    public ColumnRef {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(column, "column");
    }

    @Override
    public int compareTo(ColumnRef other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return relation + "." + column;
    }
}
