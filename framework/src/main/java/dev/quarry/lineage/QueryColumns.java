package dev.quarry.lineage;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The lineage of a query's output columns as one level sees another (a CTE, a subquery, a branch).
 *
 * @param columns  the columns the query is known to return, in order
 * @param unlisted for a query whose {@code *} could not be expanded (over a relation of unknown columns), the lineage
 *                 of a column it returns without listing it: the unexpanded relation's column of that name; null when
 *                 the list is complete. So {@code select * from landed} still passes {@code landed}'s columns on.
 */
record QueryColumns(List<OutputColumn> columns, Function<String, Optional<OutputColumn>> unlisted) {

    QueryColumns {
        columns = List.copyOf(columns);
    }

    static QueryColumns complete(List<OutputColumn> columns) {
        return new QueryColumns(columns, null);
    }

    boolean isComplete() {
        return unlisted == null;
    }
}
