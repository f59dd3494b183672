package dev.quarry.bigquery.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in cross-engine macro rendered for BigQuery and analyzed by ZetaSQL in a query over a table of typed
 * columns ({@code macros.t}), with each date part and each kind of argument the macro treats differently. Where
 * the library documents the result's type, the analyzed type is checked too. The exact text is golden-tested in
 * {@code CrossEngineMacrosTest}; this checks that BigQuery accepts it.
 */
class CrossEngineMacrosAnalysisIT {

    private static final BigQueryTemplates TEMPLATES = new BigQueryTemplates();
    private static BigQueryAnalyzer analyzer;

    @BeforeAll
    static void createTheTable() {
        analyzer = BigQueryAnalyzer.create("analysis-project");
        analyzer.addTable("macros.t", Stream.of(
                "incident_date date", "d date", "reported_at timestamp", "opened_at timestamp",
                "closed_at timestamp", "updated_at datetime", "n int64", "incident_id int64", "amount numeric",
                "ratio float64", "is_open bool", "raw_value string", "row_id string", "first_name string",
                "last_name string", "address string", "zip string", "category string", "district string")
                .map(column -> analyzer.column(column.split(" ")[0], column.split(" ")[1])).toList());
    }

    /**
     * A query calling one macro.
     *
     * @param type the BigQuery type the library documents for the first column, or null when it documents none
     */
    record MacroCase(String macro, String template, String type) {

        static MacroCase of(String macro, String expression, String type) {
            return new MacroCase(macro, "select " + expression + " as value from macros.t", type);
        }

        @Override
        public String toString() {
            return template;
        }
    }

    static List<MacroCase> macroCases() {
        return List.of(
                MacroCase.of("date_trunc", "${date_trunc('month', 'incident_date')}", null),
                MacroCase.of("date_trunc", "${date_trunc('week', 'd')}", null),
                MacroCase.of("date_trunc", "${date_trunc('quarter', 'reported_at')}", null),
                MacroCase.of("date_trunc", "${date_trunc('hour', 'reported_at')}", null),
                MacroCase.of("date_trunc", "${date_trunc('day', 'updated_at')}", null),
                MacroCase.of("dateadd", "${dateadd('month', 1, 'incident_date')}", null),
                MacroCase.of("dateadd", "${dateadd('week', 'n - 1', 'd')}", null),
                MacroCase.of("dateadd", "${dateadd('quarter', -1, 'reported_at')}", null),
                MacroCase.of("dateadd", "${dateadd('second', 30, 'updated_at')}", null),
                MacroCase.of("datediff", "${datediff('opened_at', 'closed_at', 'day')}", "INT64"),
                MacroCase.of("datediff", "${datediff('incident_date', 'd', 'week')}", "INT64"),
                MacroCase.of("datediff", "${datediff('incident_date', 'reported_at', 'month')}", "INT64"),
                MacroCase.of("datediff", "${datediff('opened_at', 'updated_at', 'minute')}", "INT64"),
                MacroCase.of("last_day", "${last_day('d')}", "DATE"),
                MacroCase.of("last_day", "${last_day('d', 'week')}", "DATE"),
                MacroCase.of("last_day", "${last_day('reported_at', 'quarter')}", "DATE"),
                MacroCase.of("last_day", "${last_day('updated_at', 'year')}", "DATE"),
                new MacroCase("date_spine", "${date_spine('month', \"date '2024-01-01'\", \"date '2024-04-01'\")}",
                        "DATE"),
                new MacroCase("date_spine", "${date_spine('day', '(select min(incident_date) from macros.t)', "
                        + "'current_date')}", "DATE"),
                new MacroCase("date_spine", "${date_spine('hour', \"timestamp '2024-01-01 00:00:00'\", "
                        + "\"'2024-01-02 00:00:00'\")}", "TIMESTAMP"),
                MacroCase.of("current_timestamp", "${current_timestamp()}", "TIMESTAMP"),
                MacroCase.of("safe_cast", "${safe_cast('raw_value', 'int64')}", "INT64"),
                MacroCase.of("type_string", "${safe_cast('incident_id', type_string())}", "STRING"),
                MacroCase.of("type_int", "${safe_cast('raw_value', type_int())}", "INT64"),
                MacroCase.of("type_bigint", "${safe_cast('raw_value', type_bigint())}", "INT64"),
                MacroCase.of("type_float", "${safe_cast('raw_value', type_float())}", "FLOAT64"),
                MacroCase.of("type_numeric", "${safe_cast('raw_value', type_numeric())}", "NUMERIC"),
                MacroCase.of("type_timestamp", "${safe_cast('raw_value', type_timestamp())}", "TIMESTAMP"),
                MacroCase.of("type_date", "${safe_cast('raw_value', type_date())}", "DATE"),
                MacroCase.of("type_boolean", "${safe_cast('raw_value', type_boolean())}", "BOOL"),
                MacroCase.of("cast_bool_to_text", "${cast_bool_to_text('is_open')}", "STRING"),
                MacroCase.of("concat", "${concat(['first_name', \"' '\", 'last_name'])}", "STRING"),
                MacroCase.of("concat", "${concat('first_name')}", "STRING"),
                MacroCase.of("hash", "${hash('incident_id')}", "STRING"),
                MacroCase.of("hash", "${hash('incident_date')}", "STRING"),
                MacroCase.of("generate_surrogate_key",
                        "${generate_surrogate_key(['incident_id', 'row_id', 'incident_date', 'amount'])}", "STRING"),
                MacroCase.of("generate_surrogate_key", "${generate_surrogate_key('row_id')}", "STRING"),
                MacroCase.of("split_part", "${split_part('address', \"','\", 2)}", "STRING"),
                MacroCase.of("split_part", "${split_part('address', \"' '\", 'n')}", "STRING"),
                MacroCase.of("escape_single_quotes", "'${escape_single_quotes(\"O'Farrell St \\\\ Market\")}'",
                        "STRING"),
                MacroCase.of("escape_single_quotes", "'${escape_single_quotes(\"two\\nlines\\r\")}'", "STRING"),
                MacroCase.of("string_literal", "${string_literal(\"it's a \\\\ and a\\nline break\")}", "STRING"),
                MacroCase.of("position", "${position(\"','\", 'address')}", "INT64"),
                MacroCase.of("length", "${length('address')}", "INT64"),
                MacroCase.of("replace", "${replace('address', \"'St'\", \"'Street'\")}", "STRING"),
                MacroCase.of("right", "${right('zip', 3)}", "STRING"),
                MacroCase.of("listagg", "${listagg('category', \"', '\", 'order by category desc')}", "STRING"),
                MacroCase.of("listagg", "${listagg('category', \"'|'\", 'district')}", "STRING"),
                MacroCase.of("listagg", "${listagg('category')}", "STRING"),
                MacroCase.of("any_value", "${any_value('district')}", null),
                MacroCase.of("bool_or", "${bool_or('is_open')}", "BOOL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("macroCases")
    void bigQueryAcceptsWhatTheMacroRenders(MacroCase macroCase) throws Exception {
        String sql = TEMPLATES.render(macroCase.template());

        List<TypedColumn> columns;
        try {
            columns = analyzer.analyzeQuery(sql);
        } catch (BigQueryAnalysisException rejected) {
            throw new AssertionError(macroCase.template() + " renders SQL that BigQuery rejects:\n"
                    + rejected.getMessage(), rejected);
        }

        if (macroCase.type() != null) {
            assertThat(columns.get(0).typeName()).as("the type of %s", sql).isEqualTo(macroCase.type());
        }
    }

    @Test
    void everyCrossEngineMacroHasACase() {
        Set<String> covered = macroCases().stream().map(MacroCase::macro)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(covered).as("macros with a case above").isEqualTo(TEMPLATES.crossEngineMacroNames());
    }

    @Test
    void aMacroUsedOnTheWrongTypeIsRejected() throws Exception {
        String sql = TEMPLATES.render(MacroCase.of("bool_or", "${bool_or('category')}", null).template());

        assertThatThrownBy(() -> analyzer.analyzeQuery(sql))
                .isInstanceOf(BigQueryAnalysisException.class)
                .hasMessageContaining("No matching signature for aggregate function LOGICAL_OR");
    }
}
