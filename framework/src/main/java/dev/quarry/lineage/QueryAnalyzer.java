package dev.quarry.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * The lineage of a query's output columns: its CTEs first (each over the ones before it), then a plain select (a
 * scope of its {@code FROM} items, then its select list) or a set operation (each output column from the same
 * position of every branch).
 */
final class QueryAnalyzer {

    private final LineageContext context;

    QueryAnalyzer(LineageContext context) {
        this.context = context;
    }

    /**
     * @param outer the scope of the enclosing query, for correlated subqueries, or null
     * @param ctes  the CTEs visible here, by lower-cased name
     */
    QueryColumns analyze(Select select, Scope outer, Map<String, QueryColumns> ctes) {
        Map<String, QueryColumns> visible = withCtes(select, outer, ctes);
        if (select instanceof ParenthesedSelect parenthesed) {
            return analyze(parenthesed.getSelect(), outer, visible);
        }
        if (select instanceof PlainSelect plain) {
            return new SelectList(this, context).analyze(plain, outer, visible);
        }
        if (select instanceof SetOperationList operations) {
            return setOperation(operations, outer, visible);
        }
        context.problem("a " + select.getClass().getSimpleName() + " query is not analysed: " + firstLine(select));
        return QueryColumns.complete(List.of());
    }

    private Map<String, QueryColumns> withCtes(Select select, Scope outer,
            Map<String, QueryColumns> ctes) {
        if (select.getWithItemsList() == null || select.getWithItemsList().isEmpty()) {
            return ctes;
        }
        Map<String, QueryColumns> visible = new HashMap<>(ctes);
        for (WithItem<?> item : select.getWithItemsList()) {
            String name = Identifiers.name(item.getAliasName());
            if (item.isRecursive()) {
                context.problem("the recursive CTE '" + name + "' is read as if its self-reference were an upstream"
                        + " relation");
            }
            if (item.getSelect() == null) {
                context.problem("the CTE '" + name + "' is not a query and is not analysed");
                continue;
            }
            QueryColumns query = analyze(item.getSelect(), outer, visible);
            visible.put(name, new QueryColumns(renamed(query.columns(), item.getWithItemList()), query.unlisted()));
        }
        return visible;
    }

    /** {@code with t(a, b) as (...)}: the list names the columns by position. */
    private static List<OutputColumn> renamed(List<OutputColumn> columns, List<SelectItem<?>> names) {
        if (names == null || names.isEmpty()) {
            return columns;
        }
        List<OutputColumn> renamed = new ArrayList<>(columns);
        for (int index = 0; index < Math.min(names.size(), columns.size()); index++) {
            Expression name = names.get(index).getExpression();
            String text = name instanceof Column column ? column.getColumnName() : String.valueOf(name);
            renamed.set(index, columns.get(index).renamed(Identifiers.unquoted(text)));
        }
        return renamed;
    }

    /** UNION, INTERSECT, EXCEPT: names from the first branch, sources from every branch's same position. */
    private QueryColumns setOperation(SetOperationList operations, Scope outer, Map<String, QueryColumns> ctes) {
        List<QueryColumns> queries = operations.getSelects().stream().map(branch -> analyze(branch, outer, ctes))
                .toList();
        List<List<OutputColumn>> branches = queries.stream().map(QueryColumns::columns).toList();
        int width = branches.stream().mapToInt(List::size).min().orElse(0);
        if (branches.stream().anyMatch(branch -> branch.size() != width)) {
            context.problem("the branches of a set operation return different numbers of columns; only the first "
                    + width + " are analysed");
        }
        List<OutputColumn> columns = new ArrayList<>();
        for (int index = 0; index < width; index++) {
            final int position = index;
            List<OutputColumn> atPosition = branches.stream().map(branch -> branch.get(position)).toList();
            Set<ColumnRef> sources = new TreeSet<>();
            atPosition.forEach(column -> sources.addAll(column.sources()));
            columns.add(new OutputColumn(atPosition.get(0).name(), combinedKind(atPosition), sources));
        }
        // A branch with an unexpanded * has unknown positions: only the first branch's names can be looked up.
        return new QueryColumns(columns, queries.get(0).unlisted());
    }

    /** Direct only when every branch passes a column through; constant only when every branch is constant. */
    private static LineageKind combinedKind(List<OutputColumn> columns) {
        if (columns.stream().allMatch(column -> column.kind() == LineageKind.DIRECT)) {
            return LineageKind.DIRECT;
        }
        if (columns.stream().allMatch(column -> column.kind() == LineageKind.CONSTANT)) {
            return LineageKind.CONSTANT;
        }
        return LineageKind.DERIVED;
    }

    private static String firstLine(Object node) {
        String text = String.valueOf(node).strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline) + " ...";
    }
}
