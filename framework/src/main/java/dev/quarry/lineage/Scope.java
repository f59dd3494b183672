package dev.quarry.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names one query level can see: its {@code FROM} items in order, the CTEs in force, the aliases its select list
 * has defined so far, and the enclosing query's scope (for correlated subqueries).
 */
final class Scope {

    /** Names that parse as columns but are values of the statement's time or session (no upstream column). */
    private static final Set<String> BUILT_IN_VALUES = Set.of("current_date", "current_time", "current_timestamp",
            "localtime", "localtimestamp", "current_user", "session_user", "current_schema", "current_database",
            "true", "false", "null");

    private final Scope outer;
    private final Map<String, QueryColumns> ctes;
    private final List<Source> sources = new ArrayList<>();
    private final Set<String> usingColumns = new HashSet<>();
    private final Map<String, OutputColumn> selectAliases = new HashMap<>();

    Scope(Scope outer, Map<String, QueryColumns> ctes) {
        this.outer = outer;
        this.ctes = Map.copyOf(ctes);
    }

    Map<String, QueryColumns> ctes() {
        return ctes;
    }

    Optional<QueryColumns> cte(String name) {
        return Optional.ofNullable(ctes.get(name));
    }

    void add(Source source) {
        sources.add(source);
    }

    /** A {@code JOIN ... USING} column: unqualified, it means the first item's, not an ambiguity. */
    void addUsingColumn(String name) {
        usingColumns.add(name);
    }

    boolean isUsingColumn(String name) {
        return usingColumns.contains(name);
    }

    /** DuckDB lets a select item use an alias defined before it in the same list, when no column has that name. */
    void addSelectAlias(OutputColumn column) {
        selectAliases.putIfAbsent(column.name().toLowerCase(java.util.Locale.ROOT), column);
    }

    List<Source> sources() {
        return List.copyOf(sources);
    }

    /** The {@code FROM} item of this level or an enclosing one that a qualifier names. */
    Optional<Source> source(String qualifier) {
        for (Source source : sources) {
            if (source.answersTo(qualifier)) {
                return Optional.of(source);
            }
        }
        return outer == null ? Optional.empty() : outer.source(qualifier);
    }

    /**
     * The lineage of an unqualified column: the one item of the innermost level that has it; when no item lists it,
     * the one item whose columns are unknown; otherwise the enclosing level's. Ambiguity is a problem.
     */
    Optional<OutputColumn> resolve(String name, LineageContext context) {
        List<Source> listing = sources.stream().filter(source -> source.listedColumn(name).isPresent()).toList();
        if (listing.size() == 1 || listing.size() > 1 && usingColumns.contains(name)) {
            return listing.get(0).listedColumn(name);
        }
        if (listing.size() > 1) {
            context.problem("column '" + name + "' is ambiguous: " + describe(listing) + " all have it");
            return Optional.empty();
        }
        List<Source> unknown = sources.stream().filter(source -> !source.knowsColumns()
                && source.column(name).isPresent()).toList();
        if (unknown.size() == 1) {
            return unknown.get(0).column(name);
        }
        if (unknown.size() > 1) {
            context.problem("column '" + name + "' is ambiguous: it may come from any of " + describe(unknown)
                    + ", whose columns are unknown");
            return Optional.empty();
        }
        if (selectAliases.containsKey(name)) {
            return Optional.of(selectAliases.get(name));
        }
        if (outer != null) {
            return outer.resolve(name, context);
        }
        if (BUILT_IN_VALUES.contains(name)) {
            return Optional.of(new OutputColumn(name, LineageKind.CONSTANT, Set.of()));
        }
        context.problem("column '" + name + "' is not a column of any relation in scope");
        return Optional.empty();
    }

    private static String describe(List<Source> sources) {
        return String.join(", ", sources.stream().map(Source::describe).toList());
    }
}
