package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Data tests through the real CLI on the fixture project {@code projects/quality}, on DuckDB and H2: every built-in
 * generic test passing and failing, a project's own generic test, singular tests, severities, thresholds, {@code where},
 * {@code limit}, {@code store_failures}, and {@code build} skipping what is downstream of a failing test.
 */
class DataTestsEndToEndIT {

    @TempDir
    Path project;

    private FixtureProject fixture;

    @BeforeEach
    void copyFixture() {
        fixture = FixtureProject.copy("quality", project);
    }

    private int quarry(String engine, String... arguments) {
        return fixture.runOn(engine, arguments);
    }

    /** Each node's status in run_results.json, by name. */
    private Map<String, String> statuses() throws IOException {
        Map<String, String> statuses = new TreeMap<>();
        for (JsonNode result : runResults().get("results")) {
            String id = result.get("unique_id").asText();
            statuses.put(id.substring(id.lastIndexOf('.') + 1), result.get("status").asText());
        }
        return statuses;
    }

    private JsonNode result(String name) throws IOException {
        for (JsonNode result : runResults().get("results")) {
            if (result.get("unique_id").asText().endsWith("." + name)) {
                return result;
            }
        }
        throw new AssertionError("no result for " + name);
    }

    private JsonNode runResults() throws IOException {
        return new ObjectMapper().readTree(project.resolve("target/run_results.json").toFile());
    }

    private List<List<Object>> query(String engine, String sql) throws SQLException {
        String url = engine.equals("duckdb") ? "jdbc:duckdb:" + project.resolve("target/quality.duckdb")
                : "jdbc:h2:file:" + project.resolve("target/quality-h2") + ";DATABASE_TO_LOWER=TRUE";
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet results = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            while (results.next()) {
                List<Object> row = new ArrayList<>();
                for (int index = 1; index <= results.getMetaData().getColumnCount(); index++) {
                    row.add(String.valueOf(results.getObject(index)));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static String schema(String engine) {
        return engine.equals("duckdb") ? "main" : "public";
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "h2"})
    void buildRunsEachModelsTestsAfterItAndAFailingTestSkipsWhatIsDownstream(String engine) throws Exception {
        assertThat(quarry(engine, "build", "--exclude", "tag:broken")).as(fixture.stderr()).isOne();

        Map<String, String> statuses = statuses();
        assertThat(statuses).containsEntry("stg_orders", "success")
                .containsEntry("not_null_stg_orders_amount", "fail")
                .containsEntry("accepted_values_stg_orders_status__shipped__returned", "warn")
                .containsEntry("relationships_stg_orders_customer_id__customer_id__ref__stg_customers__", "warn")
                .containsEntry("accepted_range_stg_orders_amount__0", "warn")
                .containsEntry("unique_stg_orders_order_id", "pass")
                .containsEntry("customer_totals", "skipped")
                .containsEntry("order_report", "skipped")
                .containsEntry("accepted_range_customer_totals_order_count__true__3__0", "skipped")
                .containsEntry("assert_totals_not_negative", "skipped");
        assertThat(result("customer_totals").get("message").asText())
                .isEqualTo("skipped because not_null_stg_orders_amount failed");
        assertThat(fixture.stdout())
                .containsPattern("FAIL 1 test not_null_stg_orders_amount \\.+ \\[FAIL 1 in \\d+\\.\\d\\ds]")
                .containsPattern("PASS test unique_stg_orders_order_id \\.+ \\[PASS in ")
                .contains("Completed: PASS=17 WARN=3 ERROR=1 SKIP=5 TOTAL=26")
                .contains("Warning in test accepted_values_stg_orders_status__shipped__returned "
                        + "(models/schema.yml:30:13)\n  Got 1 failing row, configured to warn if > 0");
        String stored = engine.equals("duckdb") ? "\"main_test_failures\".\"not_null_stg_orders_amount\""
                : "\"public_test_failures\".\"not_null_stg_orders_amount\"";
        assertThat(fixture.stderr()).contains("Failure in test not_null_stg_orders_amount (models/schema.yml:35:13)\n"
                + "  Got 1 failing row, configured to fail if != 0; failing rows stored in " + stored);
        assertThat(query(engine, "select order_id, status from " + stored)).containsExactly(List.of("14", "shipped"));
        assertThat(result("not_null_stg_orders_amount").at("/adapter_response/failures").asLong()).isOne();
        assertThat(Files.readString(project.resolve(
                "target/run/models/schema.yml/not_null_stg_orders_amount.sql"))).contains("where status = 'shipped'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "h2"})
    void testRunsTheSelectedTestsOnWhatIsBuilt(String engine) throws Exception {
        assertThat(quarry(engine, "seed")).isZero();
        assertThat(quarry(engine, "run", "--exclude", "tag:broken")).isZero();

        assertThat(quarry(engine, "test", "-s", "customer_totals", "stg_customers", "--exclude", "tag:broken",
                "test_type:unit")).as(fixture.stderr()).isZero();

        assertThat(statuses()).containsOnly(
                Map.entry("accepted_range_customer_totals_order_count__true__3__0", "pass"),
                Map.entry("assert_totals_not_negative", "pass"),
                Map.entry("not_empty_stg_customers", "pass"),
                Map.entry("unique_combination_of_columns_stg_customers__customer_id__country", "pass"),
                Map.entry("unique_stg_customers_customer_id", "pass"),
                Map.entry("not_null_stg_customers_customer_id", "pass"),
                Map.entry("accepted_values_stg_customers_country__DE__FR__NL", "pass"),
                Map.entry("relationships_stg_orders_customer_id__customer_id__ref__stg_customers__", "warn"));
        assertThat(fixture.stdout()).contains("Completed: PASS=7 WARN=1 ERROR=0 SKIP=0 TOTAL=8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "h2"})
    void everyGenericTestFailsOnRowsThatBreakIt(String engine) throws Exception {
        assertThat(quarry(engine, "seed")).isZero();

        assertThat(quarry(engine, "build", "-s", "tag:broken")).isOne();

        Map<String, Long> failures = new TreeMap<>();
        for (JsonNode result : runResults().get("results")) {
            if (result.get("unique_id").asText().startsWith("test.")) {
                assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("fail");
                String id = result.get("unique_id").asText();
                failures.put(id.substring(id.lastIndexOf('.') + 1), result.get("rows_affected").asLong());
            }
        }
        assertThat(failures).containsOnly(
                Map.entry("unique_duplicates_id", 1L),
                Map.entry("not_null_duplicates_id", 1L),
                Map.entry("accepted_values_duplicates_country__DE", 1L),
                Map.entry("accepted_range_duplicates_amount__6__0", 2L),
                Map.entry("accepted_range_limited", 1L),
                Map.entry("is_multiple_of_duplicates_amount__5", 2L),
                Map.entry("relationships_duplicates_parent_id__customer_id__ref__raw_customers__", 1L),
                Map.entry("unique_combination_of_columns_duplicates__id__country", 1L),
                Map.entry("expression_is_true_duplicates__amount___0", 1L),
                Map.entry("not_empty_empty_model", 1L),
                Map.entry("assert_duplicates_have_ids", 1L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "h2"})
    void aTestOfAColumnTheModelsSelectListLacksIsAProjectError(String engine) throws Exception {
        Files.writeString(project.resolve("models/marts/order_report.yml"), """
                version: 2
                models:
                  - name: order_report
                    columns:
                      - name: statuss
                        data_tests: [not_null]
                """);

        assertThat(quarry(engine, "build", "-s", "order_report")).isEqualTo(3);

        assertThat(fixture.stderr()).isEqualTo("""
                models/marts/order_report.yml:6:22: error: data test 'not_null_order_report_statuss' tests the \
                column 'statuss', which model 'order_report' does not return (it returns order_id, status)
                  hint: did you mean 'status'?
                1 error; nothing was run.
                """);
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "h2"})
    void aTestOfAColumnTheRelationLacksNamesTheColumnsItHasWhenItRuns(String engine) throws Exception {
        Files.writeString(project.resolve("models/marts/all_orders.sql"), "select * from ${ref('stg_orders')}\n");
        Files.writeString(project.resolve("models/marts/all_orders.yml"), """
                version: 2
                models:
                  - name: all_orders
                    columns:
                      - name: statuss
                        data_tests: [not_null]
                """);
        assertThat(quarry(engine, "seed")).isZero();
        assertThat(quarry(engine, "run", "-s", "+all_orders")).isZero();

        assertThat(quarry(engine, "test", "-s", "all_orders")).isOne();

        assertThat(fixture.stderr()).contains("Failure in test not_null_all_orders_statuss "
                + "(models/marts/all_orders.yml:6:22)\n"
                + "  all_orders has no column 'statuss' (it has order_id, customer_id, status, amount); "
                + "did you mean 'status'?");
    }
}
