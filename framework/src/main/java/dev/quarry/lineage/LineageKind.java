package dev.quarry.lineage;

/** How an output column is made from its upstream columns. */
public enum LineageKind {
    /** The value of one upstream column, passed through unchanged (perhaps renamed), through every query level. */
    DIRECT,
    /**
     * Computed: a function, {@code CASE}, arithmetic, cast, aggregate, window function or subquery, or a pass-through
     * of such a column. An aggregate or window over no column ({@code count(*)}, {@code row_number() over ()}) is
     * derived with no upstream columns, since its value still depends on the upstream rows.
     */
    DERIVED,
    /** A literal or an expression of literals: no upstream column and no dependence on upstream rows. */
    CONSTANT
}
