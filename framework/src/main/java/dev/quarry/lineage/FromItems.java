package dev.quarry.lineage;

import java.util.List;
import java.util.Optional;

import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.TableFunction;

/** Fills a scope with a query's {@code FROM} items and joins, each made a {@link Source}. */
final class FromItems {

    private final QueryAnalyzer analyzer;
    private final LineageContext context;

    FromItems(QueryAnalyzer analyzer, LineageContext context) {
        this.analyzer = analyzer;
        this.context = context;
    }

    void add(FromItem first, List<Join> joins, Scope scope) {
        if (first != null) {
            add(first, scope);
        }
        for (Join join : joins == null ? List.<Join>of() : joins) {
            add(join.getFromItem(), scope);
            if (join.getUsingColumns() != null) {
                join.getUsingColumns().forEach(column -> scope.addUsingColumn(Identifiers.name(column.getColumnName())));
            }
            if (join.isNatural()) {
                context.problem("a NATURAL join's shared columns are not matched: they are reported as ambiguous");
            }
        }
    }

    private void add(FromItem item, Scope scope) {
        if (item instanceof ParenthesedFromItem parenthesed) {
            // (a join b on ...): the same items as without the parentheses.
            add(parenthesed.getFromItem(), parenthesed.getJoins(), scope);
            return;
        }
        Source source = source(item, scope);
        Alias alias = item.getAlias();
        if (alias != null && alias.getAliasColumns() != null && !alias.getAliasColumns().isEmpty()) {
            source = source.withColumnNames(alias.getAliasColumns().stream()
                    .map(column -> Identifiers.unquoted(column.name)).toList());
        }
        scope.add(source);
    }

    private Source source(FromItem item, Scope scope) {
        String alias = item.getAlias() == null ? null : Identifiers.name(item.getAlias().getName());
        if (item instanceof Table table) {
            return table(table, alias, scope);
        }
        if (item instanceof LateralSubSelect lateral) {
            // LATERAL sees the items before it: the scope being filled.
            return Source.derived(alias, null, analyzer.analyze(lateral, scope, scope.ctes()));
        }
        if (item instanceof ParenthesedSelect subquery) {
            return Source.derived(alias, null, analyzer.analyze(subquery, scope, scope.ctes()));
        }
        if (item instanceof TableFunction function) {
            // range(10), unnest(t.list): every column comes from the function's arguments.
            String name = Identifiers.name(function.getFunction().getName());
            OutputColumn arguments = ExpressionLineage.of(name, function.getFunction(), scope, context);
            return Source.opaque(alias != null ? alias : name,
                    column -> OutputColumn.derived(column, arguments.sources()));
        }
        context.problem("the FROM item '" + item + "' is not analysed: its columns have no upstream columns");
        return Source.opaque(alias, column -> OutputColumn.derived(column, List.of()));
    }

    private Source table(Table table, String alias, Scope scope) {
        String relation = Identifiers.name(table.getFullyQualifiedName());
        Optional<QueryColumns> cte = relation.contains(".") ? Optional.empty() : scope.cte(relation);
        if (cte.isPresent()) {
            return Source.derived(alias, relation, cte.get());
        }
        return Source.upstream(alias, relation, context.columnsOf(relation));
    }
}
