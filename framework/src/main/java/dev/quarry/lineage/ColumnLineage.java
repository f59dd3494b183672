package dev.quarry.lineage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Column-level lineage of a compiled model: which upstream columns each column of its query comes from.
 *
 * <p>Reads DuckDB and BigQuery SQL as Quarry compiles it ({@code "schema"."table"}, {@code `project.dataset.table`}),
 * through CTEs, subqueries, joins, {@code *}, set operations, aggregates and window functions, down to the upstream
 * relations the SQL names. What counts as a source is described in the package documentation.
 */
public final class ColumnLineage {

    private ColumnLineage() {
    }

    /**
     * The lineage of each output column of a query. Never throws: SQL that does not parse gives no columns and a
     * problem; anything unresolved is a problem and the columns keep the sources that were resolved.
     *
     * @param compiledSql       one {@code SELECT} (optionally with {@code WITH}), as a model compiles to; a trailing
     *                          semicolon is allowed
     * @param columnsOfRelation the columns of an upstream relation, by its normalised name (see {@link ColumnRef}),
     *                          or empty when unknown; used to expand {@code *} and to resolve unqualified columns
     *                          over joins. Without it, qualified columns still resolve to the relation they name.
     */
    public static LineageResult analyze(String compiledSql,
            Function<String, Optional<List<String>>> columnsOfRelation) {
        LineageContext context = new LineageContext(columnsOfRelation);
        Statement statement;
        try {
            statement = parse(stripTrailingSemicolon(compiledSql));
        } catch (ParseException | RuntimeException | Error unparsable) {
            // JSqlParser reports syntax errors as exceptions and some lexical ones as Errors (TokenMgrError).
            context.problem("the SQL does not parse: " + firstLine(unparsable));
            return new LineageResult(List.of(), context.problems());
        }
        if (statement == null) {
            context.problem("the SQL does not parse: it holds no statement");
            return new LineageResult(List.of(), context.problems());
        }
        if (!(statement instanceof Select select)) {
            context.problem("the statement is not a query: " + statement.getClass().getSimpleName());
            return new LineageResult(List.of(), context.problems());
        }
        try {
            List<OutputColumn> columns = new QueryAnalyzer(context).analyze(select, null, Map.of()).columns();
            return new LineageResult(columns, context.problems());
        } catch (RuntimeException unexpected) {
            // A tree shape this package does not expect must not fail the caller (a compile, a docs build).
            context.problem("lineage could not be analysed: " + unexpected);
            return new LineageResult(List.of(), context.problems());
        }
    }

    /** Lineage without a catalog: {@code *} over an upstream relation is then a problem. */
    public static LineageResult analyze(String compiledSql) {
        return analyze(compiledSql, relation -> Optional.empty());
    }

    /**
     * A relation's name as written in SQL ({@code "main"."stg_orders"}, {@code `project.dataset.table`}) in the
     * normalised form {@link ColumnRef#relation()} uses: unquoted, lower-cased, parts joined by dots. Lets a consumer
     * map the sources back to the nodes whose relations they are.
     */
    public static String relationName(String written) {
        return String.join(".", Identifiers.parts(written == null ? "" : written));
    }

    /**
     * Simple parsing first, complex parsing only when that fails, as JSqlParser's own {@code parse} does: most models
     * parse the simple way, about twice as fast. The parser is run directly: {@code CCJSqlParserUtil.parse} starts a
     * thread per statement (for its time-out), which costs more than parsing a model does.
     */
    private static Statement parse(String sql) throws ParseException {
        try {
            return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(false).Statement();
        } catch (ParseException | RuntimeException | Error simpleFailed) {
            return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(true).Statement();
        }
    }

    private static String stripTrailingSemicolon(String sql) {
        String trimmed = sql == null ? "" : sql.strip();
        return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static String firstLine(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
