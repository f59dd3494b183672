package dev.quarry.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;

/**
 * The names of the columns a query returns, read from its outermost select list with JSqlParser, when every item
 * names itself (a column or an alias); empty when the SQL does not parse or an item is {@code *} or an unnamed
 * expression, so that only a sure answer is given.
 */
final class OutputColumns {

    private OutputColumns() {
    }

    static Optional<List<String>> of(String sql) {
        return of(SqlParse.of(sql.strip()).statement());
    }

    /** The names of the columns a parsed statement returns; empty for null (SQL that did not parse). */
    static Optional<List<String>> of(Statement statement) {
        if (!(statement instanceof Select select)) {
            return Optional.empty();
        }
        PlainSelect plain = firstPlainSelect(select);
        if (plain == null || plain.getSelectItems() == null) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (SelectItem<?> item : plain.getSelectItems()) {
            Alias alias = item.getAlias();
            if (alias != null) {
                names.add(unquoted(alias.getName()));
            } else if (item.getExpression() instanceof Column column && !(item.getExpression() instanceof AllColumns)) {
                names.add(unquoted(column.getColumnName()));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(names);
    }

    /** The first branch of a union names the columns. */
    private static PlainSelect firstPlainSelect(Select select) {
        if (select instanceof PlainSelect plain) {
            return plain;
        }
        if (select instanceof SetOperationList union && !union.getSelects().isEmpty()) {
            return firstPlainSelect(union.getSelects().get(0));
        }
        if (select instanceof net.sf.jsqlparser.statement.select.ParenthesedSelect parenthesed) {
            return firstPlainSelect(parenthesed.getSelect());
        }
        return null;
    }

    private static String unquoted(String name) {
        if (name.length() >= 2 && (name.startsWith("\"") && name.endsWith("\"")
                || name.startsWith("`") && name.endsWith("`"))) {
            return name.substring(1, name.length() - 1);
        }
        return name;
    }
}
