package dev.quarry.lineage;

import java.util.List;
import java.util.Optional;

/**
 * The lineage of a query's output columns.
 *
 * @param columns  every column the query returns, in order; a column whose sources could not all be resolved is
 *                 still listed, with the sources that were
 * @param problems what could not be resolved (a statement that does not parse, {@code *} over a relation whose
 *                 columns are unknown, an ambiguous or unknown column), one sentence each; empty when the lineage is
 *                 complete
 */
public record LineageResult(List<OutputColumn> columns, List<String> problems) {

    public LineageResult {
        columns = List.copyOf(columns);
        problems = List.copyOf(problems);
    }

    /** The output column of that name, ignoring case. */
    public Optional<OutputColumn> column(String name) {
        return columns.stream().filter(column -> column.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Whether every output column was resolved. */
    public boolean isComplete() {
        return problems.isEmpty();
    }
}
