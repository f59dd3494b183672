package dev.quarry.bigquery.analysis;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Every built-in generic data test ({@code quarry/tests.ftl}) rendered for BigQuery, called as the compiler calls it
 * (named arguments, YAML values as FreeMarker literals), and analyzed by ZetaSQL over tables of typed columns.
 */
class GenericTestsAnalysisIT {

    private static final BigQueryTemplates TEMPLATES = new BigQueryTemplates();
    private static final String MODEL = "model='`analysis-project`.`analytics`.`orders`'";
    private static BigQueryAnalyzer analyzer;

    @BeforeAll
    static void createTheTables() {
        analyzer = BigQueryAnalyzer.create("analysis-project");
        analyzer.addTable("analytics.orders", columns("order_id int64", "customer_id int64", "status string",
                "street string", "amount numeric", "ordered_on date"));
        analyzer.addTable("analytics.customers", columns("customer_id int64", "name string"));
    }

    private static List<TypedColumn> columns(String... columns) {
        return Stream.of(columns).map(column -> analyzer.column(column.split(" ")[0], column.split(" ")[1]))
                .toList();
    }

    /** A call of one generic test, as the compiler writes it. */
    record TestCase(String test, String call) {

        static TestCase of(String test, String arguments) {
            return new TestCase(test, "<@test_" + test + " " + MODEL + " " + arguments + " />");
        }

        @Override
        public String toString() {
            return call;
        }
    }

    static List<TestCase> testCases() {
        return List.of(
                TestCase.of("not_null", "column_name='order_id'"),
                TestCase.of("unique", "column_name='order_id'"),
                TestCase.of("accepted_values", "column_name='status' values=['shipped', 'returned']"),
                TestCase.of("accepted_values", "column_name='street' values=[\"O'Farrell St\", 'Market St']"),
                TestCase.of("accepted_values", "column_name='customer_id' values=[1, 2] quote=false"),
                TestCase.of("relationships", "column_name='customer_id' "
                        + "to='`analysis-project`.`analytics`.`customers`' field='customer_id'"),
                TestCase.of("expression_is_true", "expression='amount >= 0'"),
                TestCase.of("expression_is_true", "column_name='amount' expression='>= 0'"),
                TestCase.of("not_empty", ""),
                TestCase.of("unique_combination_of_columns", "combination_of_columns=['order_id', 'status']"),
                TestCase.of("accepted_range", "column_name='amount' min=0 max=100"),
                TestCase.of("accepted_range", "column_name='amount' min=0 inclusive=false"),
                TestCase.of("accepted_range", "column_name='ordered_on' min=\"'2018-01-01'\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("testCases")
    void bigQueryAcceptsWhatTheTestRenders(TestCase testCase) throws Exception {
        String sql = TEMPLATES.render(testCase.call());

        try {
            assertThat(analyzer.analyzeQuery(sql)).isNotEmpty();
        } catch (BigQueryAnalysisException rejected) {
            throw new AssertionError(testCase.call() + " renders SQL that BigQuery rejects:\n"
                    + rejected.getMessage(), rejected);
        }
    }

    @Test
    void everyGenericTestHasACase() {
        Set<String> covered = testCases().stream().map(testCase -> "test_" + testCase.test())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(covered).as("generic tests with a case above").isEqualTo(TEMPLATES.genericTestNames());
    }
}
