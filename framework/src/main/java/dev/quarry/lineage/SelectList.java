package dev.quarry.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * A plain select: its {@code FROM} items make the scope, then each select item gives one output column, or several
 * for {@code *} and {@code t.*} (with DuckDB's {@code EXCLUDE}/{@code REPLACE} and BigQuery's {@code EXCEPT}).
 * {@code DISTINCT}, {@code WHERE}, {@code GROUP BY} and the rest change which rows, not where values come from.
 */
final class SelectList {

    private final QueryAnalyzer analyzer;
    private final LineageContext context;

    SelectList(QueryAnalyzer analyzer, LineageContext context) {
        this.analyzer = analyzer;
        this.context = context;
    }

    QueryColumns analyze(PlainSelect select, Scope outer, Map<String, QueryColumns> ctes) {
        Scope scope = new Scope(outer, ctes);
        new FromItems(analyzer, context).add(select.getFromItem(), select.getJoins(), scope);
        List<OutputColumn> columns = new ArrayList<>();
        List<Source> unexpanded = new ArrayList<>();
        for (SelectItem<?> item : select.getSelectItems()) {
            Expression expression = item.getExpression();
            if (expression instanceof AllTableColumns tableColumns) {
                String qualifier = Identifiers.name(tableColumns.getTable().getFullyQualifiedName());
                scope.source(qualifier).ifPresentOrElse(
                        source -> columns.addAll(expand(List.of(source), tableColumns, scope, unexpanded)),
                        () -> context.problem("'" + qualifier + ".*' names no relation in scope"));
            } else if (expression instanceof AllColumns allColumns) {
                columns.addAll(expand(scope.sources(), allColumns, scope, unexpanded));
            } else {
                OutputColumn column = ExpressionLineage.of(name(item), expression, scope, context);
                columns.add(column);
                if (item.getAlias() != null) {
                    scope.addSelectAlias(column);
                }
            }
        }
        if (unexpanded.isEmpty()) {
            return QueryColumns.complete(columns);
        }
        // Columns the query returns through an unexpanded *: the first such item's column of that name.
        return new QueryColumns(columns, name -> unexpanded.stream()
                .flatMap(source -> source.column(name).stream()).findFirst());
    }

    /** The alias, else the selected column's name, else the expression's text (as DuckDB names it). */
    private static String name(SelectItem<?> item) {
        if (item.getAlias() != null) {
            return Identifiers.unquoted(item.getAlias().getName());
        }
        if (item.getExpression() instanceof Column column) {
            return Identifiers.unquoted(column.getColumnName());
        }
        return String.valueOf(item.getExpression());
    }

    /**
     * {@code *} over the given items; a {@code JOIN ... USING} column once. An item whose columns are not all known
     * is a problem and is added to {@code unexpanded}, so that the columns read through the {@code *} still resolve.
     */
    private List<OutputColumn> expand(List<Source> sources, AllColumns star, Scope scope, List<Source> unexpanded) {
        Set<String> excluded = new HashSet<>();
        if (star.getExceptColumns() != null) {
            star.getExceptColumns().forEach(column -> excluded.add(Identifiers.name(column.getColumnName())));
        }
        Map<String, OutputColumn> replaced = new HashMap<>();
        if (star.getReplaceExpressions() != null) {
            for (SelectItem<?> replacement : star.getReplaceExpressions()) {
                OutputColumn column = ExpressionLineage.of(name(replacement), replacement.getExpression(), scope,
                        context);
                replaced.put(Identifiers.name(column.name()), column);
            }
        }
        List<OutputColumn> columns = new ArrayList<>();
        Set<String> usingSeen = new HashSet<>();
        for (Source source : sources) {
            if (!source.knowsColumns()) {
                reportUnknown(star, source);
                unexpanded.add(source);
            }
            for (OutputColumn column : source.columns()) {
                String key = Identifiers.name(column.name());
                if (excluded.contains(key) || scope.isUsingColumn(key) && !usingSeen.add(key)) {
                    continue;
                }
                columns.add(replaced.containsKey(key) ? replaced.get(key).renamed(column.name()) : column);
            }
        }
        return columns;
    }

    private void reportUnknown(AllColumns star, Source source) {
        if (!source.isDerived()) {
            context.problem("'" + star + "' cannot be expanded: the columns of " + source.describe()
                    + " are unknown; the columns read through it are taken to be its own");
        }
    }
}
