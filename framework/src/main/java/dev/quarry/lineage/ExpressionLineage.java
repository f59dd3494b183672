package dev.quarry.lineage;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LambdaExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * The lineage of one select-list expression: every column it reads (through {@code CASE} conditions, function and
 * aggregate arguments, window {@code PARTITION BY}/{@code ORDER BY}, and subqueries' output columns), and its kind.
 * JSqlParser's adapter walks the tree; the overrides collect.
 */
final class ExpressionLineage extends ExpressionVisitorAdapter<Void> {

    /** Aggregates over no column still depend on the upstream rows, so they make a column derived, not constant. */
    private static final Set<String> AGGREGATES = Set.of("count", "sum", "min", "max", "avg", "mean", "any_value",
            "arbitrary", "first", "last", "string_agg", "group_concat", "listagg", "array_agg", "list", "bool_and",
            "bool_or", "bit_and", "bit_or", "bit_xor", "countif", "count_if", "approx_count_distinct",
            "approx_quantile", "quantile", "quantile_cont", "quantile_disc", "median", "mode", "stddev", "stddev_pop",
            "stddev_samp", "variance", "var_pop", "var_samp", "corr", "covar_pop", "covar_samp", "arg_max",
            "arg_min", "max_by", "min_by", "logical_and", "logical_or", "product", "histogram");

    private final Scope scope;
    private final LineageContext context;
    private final ColumnResolver resolver;
    private final Set<ColumnRef> sources = new TreeSet<>();
    private final Set<String> lambdaParameters = new HashSet<>();
    private boolean dependsOnRows;

    private ExpressionLineage(Scope scope, LineageContext context) {
        super(null);
        this.scope = scope;
        this.context = context;
        this.resolver = new ColumnResolver(scope, context);
    }

    /** The lineage of an expression named {@code name}: a plain column keeps its own kind, anything else is made. */
    static OutputColumn of(String name, Expression expression, Scope scope, LineageContext context) {
        Expression unwrapped = unwrap(expression);
        ExpressionLineage lineage = new ExpressionLineage(scope, context);
        if (unwrapped instanceof Column column && !(unwrapped instanceof AllColumns)) {
            return lineage.resolver.resolve(column).map(found -> found.renamed(name))
                    .orElseGet(() -> OutputColumn.derived(name, List.of()));
        }
        unwrapped.accept(lineage, null);
        if (lineage.sources.isEmpty() && !lineage.dependsOnRows) {
            return new OutputColumn(name, LineageKind.CONSTANT, Set.of());
        }
        return OutputColumn.derived(name, lineage.sources);
    }

    /** {@code ((a))} is {@code a}: parentheses alone do not make a column derived. */
    private static Expression unwrap(Expression expression) {
        Expression current = expression;
        while (current instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
            current = list.get(0);
        }
        return current;
    }

    @Override
    public <S> Void visit(Column column, S unused) {
        if (isLambdaParameter(column)) {
            return null;
        }
        Optional<OutputColumn> found = resolver.resolve(column);
        found.ifPresent(this::add);
        // An unresolved column is a problem already; it must not make the expression look constant.
        dependsOnRows |= found.isEmpty();
        return null;
    }

    private boolean isLambdaParameter(Column column) {
        String first = column.getTable() == null || column.getTable().getName() == null
                ? column.getColumnName() : Identifiers.parts(column.getTable().getFullyQualifiedName()).get(0);
        return lambdaParameters.contains(Identifiers.name(first));
    }

    private void add(OutputColumn column) {
        sources.addAll(column.sources());
        dependsOnRows |= column.kind() != LineageKind.CONSTANT;
    }

    @Override
    public <S> Void visit(Function function, S unused) {
        List<String> name = Identifiers.parts(function.getName() == null ? "" : function.getName());
        if (function.isAllColumns() || !name.isEmpty() && AGGREGATES.contains(name.get(name.size() - 1))) {
            dependsOnRows = true;
        }
        return super.visit(function, unused);
    }

    @Override
    public <S> Void visit(AnalyticExpression window, S unused) {
        dependsOnRows = true;
        return super.visit(window, unused);
    }

    /** {@code count(*)}: the rows, no column. */
    @Override
    public <S> Void visit(AllColumns allColumns, S unused) {
        dependsOnRows = true;
        return null;
    }

    @Override
    public <S> Void visit(LambdaExpression lambda, S unused) {
        List<String> parameters = lambda.getIdentifiers().stream().map(Identifiers::name).toList();
        lambdaParameters.addAll(parameters);
        lambda.getExpression().accept(this, unused);
        lambdaParameters.removeAll(parameters);
        return null;
    }

    @Override
    public <S> Void visit(ParenthesedSelect subquery, S unused) {
        return visit((Select) subquery, unused);
    }

    /** A scalar, {@code IN} or {@code EXISTS} subquery: its output columns' sources, over the enclosing scope. */
    @Override
    public <S> Void visit(Select subquery, S unused) {
        new QueryAnalyzer(context).analyze(subquery, scope, scope.ctes()).columns().forEach(this::add);
        dependsOnRows = true;
        return null;
    }
}
