package dev.quarry.lineage;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One column a query returns and where its value comes from.
 *
 * @param name    the column's name: its alias, else the column it selects, else the expression's text; unquoted,
 *                in the case it was written
 * @param kind    how it is made from its sources
 * @param sources the upstream columns it derives from, sorted; empty for a constant
 */
public record OutputColumn(String name, LineageKind kind, Set<ColumnRef> sources) {

    public OutputColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        sources = Collections.unmodifiableSet(new TreeSet<>(sources));
    }

    /** This column under another name (an alias of a subquery, a CTE's column list). */
    OutputColumn renamed(String newName) {
        return new OutputColumn(newName, kind, sources);
    }

    static OutputColumn direct(String name, ColumnRef source) {
        return new OutputColumn(name, LineageKind.DIRECT, Set.of(source));
    }

    static OutputColumn derived(String name, Collection<ColumnRef> sources) {
        return new OutputColumn(name, LineageKind.DERIVED, new TreeSet<>(sources));
    }
}
