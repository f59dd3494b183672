package dev.quarry.lineage;

import java.util.List;
import java.util.Optional;

import net.sf.jsqlparser.schema.Column;

/**
 * Finds the lineage of a column reference in a scope: {@code q.c} in the item {@code q} names, {@code c} in the one
 * item that has it; {@code q.c.f} and {@code c.f} (a field of a struct column) derive from the column.
 */
final class ColumnResolver {

    private final Scope scope;
    private final LineageContext context;

    ColumnResolver(Scope scope, LineageContext context) {
        this.scope = scope;
        this.context = context;
    }

    Optional<OutputColumn> resolve(Column column) {
        String name = Identifiers.name(column.getColumnName());
        if (column.getTable() == null || column.getTable().getName() == null) {
            return scope.resolve(name, context);
        }
        List<String> qualifier = Identifiers.parts(column.getTable().getFullyQualifiedName());
        String written = String.join(".", qualifier);
        Optional<Source> source = scope.source(written);
        if (source.isPresent()) {
            Optional<OutputColumn> found = source.get().column(name);
            if (found.isEmpty()) {
                context.problem("column '" + written + "." + name + "' is not a column of "
                        + source.get().describe());
            }
            return found;
        }
        Optional<OutputColumn> structColumn = structColumn(qualifier);
        if (structColumn.isEmpty()) {
            context.problem("column '" + written + "." + name + "' names no relation in scope");
        }
        return structColumn.map(found -> OutputColumn.derived(name, found.sources()));
    }

    /**
     * The struct column a dotted reference starts with ({@code alias.column} or {@code column}), if any. Only listed
     * columns count: an item of unknown columns would accept any name and hide a misspelt qualifier.
     */
    private Optional<OutputColumn> structColumn(List<String> qualifier) {
        if (qualifier.size() >= 2) {
            Optional<Source> source = scope.source(qualifier.get(0));
            if (source.isPresent()) {
                return source.get().listedColumn(qualifier.get(1));
            }
        }
        List<OutputColumn> listed = scope.sources().stream()
                .flatMap(source -> source.listedColumn(qualifier.get(0)).stream()).toList();
        return listed.size() == 1 ? Optional.of(listed.get(0)) : Optional.empty();
    }
}
