package dev.quarry.unittest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.compile.SqlDialect;

/**
 * Writes a fixture's rows as a query of literal rows that stands in for a model's input:
 * {@code select <literal> as "a", <literal> as "b"} once per row, joined by {@code union all}.
 *
 * <p>With the input's columns known (names and SQL types, in order), every known column appears in that order in
 * every row, a value the row does not give is null, and every value is {@code cast(<literal> as <type>)}, so the
 * engine converts text such as {@code '2024-01-01'} to the column's type (a column without a type is written as the
 * literal its value makes, as when the columns are unknown); zero rows are a {@code select} of typed
 * nulls {@code where 1 = 0}. A row key the columns lack (names match case-insensitively) is a
 * {@link FixtureProblem.UnknownColumns}, and the key is left out.
 *
 * <p>With the columns unknown, the columns are the fixture's (the union of its rows' keys in first-seen order, or a
 * CSV header) and each literal is typed by its Java value; CSV text is typed column by column by
 * {@link CsvColumnTyping} (a column of numbers is numbers, one of {@code true}/{@code false} booleans, any other
 * column, dates included, text). Zero rows with no columns are a {@link FixtureProblem.NoColumns}.
 *
 * <p>The SQL is the same on every engine except for quoting identifiers and string literals (BigQuery).
 */
public final class FixtureTable {

    private static final String UNION = "\nunion all\n";

    private final SqlDialect dialect;
    private final SqlLiterals literals;

    public FixtureTable(SqlDialect dialect) {
        this.dialect = dialect;
        this.literals = new SqlLiterals(dialect);
    }

    /**
     * The rows as a query.
     *
     * @param knownColumns the input's columns in order, with their SQL types as the engine names them; empty when
     *                     they are unknown. A type needs its precision where the engine's default differs: H2 casts
     *                     to a bare {@code numeric} with scale 0, so {@code 2.50} would become {@code 3}
     */
    public FixtureSelect select(FixtureRows rows, List<ColumnInfo> knownColumns) {
        return knownColumns.isEmpty() ? selectAsGiven(rows) : selectTyped(rows, knownColumns);
    }

    private FixtureSelect selectTyped(FixtureRows rows, List<ColumnInfo> columns) {
        // CSV text is left to the cast; only a column without a type has its values typed as when none are known.
        FixtureRows inferred = rows.textValues() ? CsvColumnTyping.typed(rows) : rows;
        List<FixtureProblem> problems = new ArrayList<>();
        List<String> names = columns.stream().map(ColumnInfo::name).toList();
        List<String> selects = new ArrayList<>();
        for (int index = 0; index < rows.rows().size(); index++) {
            Map<String, Object> row = rows.rows().get(index);
            List<String> unknown = row.keySet().stream()
                    .filter(key -> names.stream().noneMatch(key::equalsIgnoreCase))
                    .toList();
            if (!unknown.isEmpty()) {
                problems.add(new FixtureProblem.UnknownColumns(index, unknown, names));
            }
            Map<String, Object> inferredRow = inferred.rows().get(index);
            selects.add(row(columns, column -> column.dataType() == null
                    ? literals.literal(FixtureRows.value(inferredRow, column.name()))
                    : literals.cast(FixtureRows.value(row, column.name()), column.dataType())));
        }
        if (selects.isEmpty()) {
            return new FixtureSelect(row(columns, column -> column.dataType() == null ? "null"
                    : literals.cast(null, column.dataType())) + " where 1 = 0", problems);
        }
        return new FixtureSelect(String.join(UNION, selects), problems);
    }

    private FixtureSelect selectAsGiven(FixtureRows given) {
        FixtureRows rows = given.textValues() ? CsvColumnTyping.typed(given) : given;
        List<ColumnInfo> columns = rows.columns().stream().map(name -> new ColumnInfo(name, null)).toList();
        if (columns.isEmpty()) {
            return new FixtureSelect(null, List.of(new FixtureProblem.NoColumns()));
        }
        if (rows.rows().isEmpty()) {
            return new FixtureSelect(row(columns, column -> "null") + " where 1 = 0", List.of());
        }
        List<String> selects = rows.rows().stream()
                .map(row -> row(columns, column -> literals.literal(FixtureRows.value(row, column.name()))))
                .toList();
        return new FixtureSelect(String.join(UNION, selects), List.of());
    }

    private String row(List<ColumnInfo> columns, Function<ColumnInfo, String> literal) {
        return columns.stream()
                .map(column -> literal.apply(column) + " as " + dialect.quote(column.name()))
                .collect(Collectors.joining(", ", "select ", ""));
    }
}
