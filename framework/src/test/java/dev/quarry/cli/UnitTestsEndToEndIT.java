package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Model unit tests through the real CLI on the fixture project {@code projects/quality}, on DuckDB and H2: YAML and CSV
 * rows (inline and from a fixture file), vars and {@code is_incremental} overrides, {@code this}, ordered
 * expectations, the diff of a failing test, and {@code build} running a model's unit tests before it.
 */
class UnitTestsEndToEndIT {

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

    private Map<String, String> statuses() throws IOException {
        Map<String, String> statuses = new TreeMap<>();
        JsonNode results = new ObjectMapper().readTree(project.resolve("target/run_results.json").toFile());
        for (JsonNode result : results.get("results")) {
            String id = result.get("unique_id").asText();
            statuses.put(id.substring(id.indexOf('.', id.indexOf('.') + 1) + 1), result.get("status").asText());
        }
        return statuses;
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "h2"})
    void unitTestsRunOnLiteralRowsWithoutBuildingAnything(String engine) throws Exception {
        assertThat(quarry(engine, "test", "-s", "test_type:unit", "--exclude", "tag:broken"))
                .as(fixture.stderr()).isZero();

        assertThat(statuses()).containsOnly(
                Map.entry("customer_totals.sums_each_customers_orders", "pass"),
                Map.entry("stg_orders.stages_the_seed_as_it_is", "pass"),
                Map.entry("order_events.hides_the_status_the_var_names", "pass"),
                Map.entry("order_events.adds_only_newer_orders_when_incremental", "pass"));
        assertThat(fixture.stdout()).containsPattern(
                "PASS unit test customer_totals::sums_each_customers_orders \\.+ \\[PASS in ");
        assertThat(Files.readString(project.resolve(
                "target/compiled/models/unit_tests.yml/customer_totals/sums_each_customers_orders.sql")))
                .contains("quarry_given__ref_stg_orders as (")
                .doesNotContain("\"stg_orders\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "h2"})
    void aFailingUnitTestPrintsWhichRowsDiffer(String engine) throws Exception {
        assertThat(quarry(engine, "test", "-s", "expects_the_wrong_total")).isOne();

        assertThat(statuses()).containsOnly(Map.entry("customer_totals.expects_the_wrong_total", "fail"));
        assertThat(fixture.stderr()).contains("""
                Failure in unit_test expects_the_wrong_total (models/broken/broken_unit_tests.yml:4:5)
                  expected 2 rows, got 2; 1 expected row missing, 1 unexpected row (columns compared: customer_id, \
                total_amount)
                  (- expected, not returned; + returned, not expected)
                    customer_id | total_amount
                    ------------+-------------
                  + 1           | 20.5
                  - 1           | 99
                    2           | 0
                """);
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "h2"})
    void buildRunsAModelsUnitTestsBeforeItAndAFailureSkipsTheModel(String engine) throws Exception {
        assertThat(quarry(engine, "build", "-s", "+customer_totals")).isOne();

        Map<String, String> statuses = statuses();
        assertThat(statuses).containsEntry("customer_totals.expects_the_wrong_total", "fail")
                .containsEntry("customer_totals.sums_each_customers_orders", "pass")
                .containsEntry("stg_orders.stages_the_seed_as_it_is", "pass")
                .containsEntry("customer_totals", "skipped")
                .containsEntry("stg_customers", "success");
        String out = fixture.stdout();
        assertThat(out.indexOf("PASS unit test stg_orders::stages_the_seed_as_it_is"))
                .isLessThan(out.indexOf("START table model " + (engine.equals("duckdb") ? "main" : "public")
                        + ".stg_orders"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "h2"})
    void aBigQueryProjectsUnitTestsRunOfflineOnItsUnitTestEngine(String unitTestEngine) throws Exception {
        Path config = project.resolve("quarry_project.yml");
        Files.writeString(config, Files.readString(config) + "unit_test_engine: " + unitTestEngine + "\n");

        assertThat(quarry("bigquery", "test", "-s", "test_type:unit", "--exclude", "tag:broken"))
                .as(fixture.stderr()).isZero();

        assertThat(fixture.stdout()).contains("Running 4 nodes with 4 threads on " + unitTestEngine
                + " in memory (unit tests of target bigquery)");
        assertThat(statuses()).hasSize(4).allSatisfy((name, status) -> assertThat(status).isEqualTo("pass"));
        assertThat(Files.readString(project.resolve(
                "target/compiled/models/unit_tests.yml/customer_totals/sums_each_customers_orders.sql")))
                .doesNotContain("`");
    }
}
