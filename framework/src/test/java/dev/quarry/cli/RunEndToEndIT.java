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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs the real CLI in-process on the fixture project {@code projects/jaffle} against DuckDB and H2 files. */
class RunEndToEndIT {

    @TempDir
    Path project;

    private FixtureProject fixture;

    @BeforeEach
    void copyFixture() {
        fixture = FixtureProject.copy("jaffle", project);
    }

    private int quarry(String engine, String... arguments) {
        return fixture.runOn(engine, arguments);
    }

    private String stdout() {
        return fixture.stdout();
    }

    private String stderr() {
        return fixture.stderr();
    }

    private List<List<Object>> query(String engine, String sql) throws SQLException {
        String url = engine.equals("duckdb") ? "jdbc:duckdb:" + project.resolve("target/jaffle.duckdb")
                : "jdbc:h2:file:" + project.resolve("target/jaffle-h2") + ";DATABASE_TO_LOWER=TRUE";
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet results = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = results.getMetaData().getColumnCount();
            while (results.next()) {
                List<Object> row = new ArrayList<>();
                for (int index = 1; index <= columns; index++) {
                    Object value = results.getObject(index);
                    row.add(value == null ? null : value.toString());
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static String schema(String engine, String custom) {
        return (engine.equals("duckdb") ? "main" : "public") + (custom == null ? "" : "_" + custom);
    }

    private JsonNode runResults() throws IOException {
        return new ObjectMapper().readTree(project.resolve("target/run_results.json").toFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "h2"})
    void buildLoadsSeedsAndBuildsModelsInOrder(String engine) throws Exception {
        assertThat(quarry(engine, "build")).as(stderr()).isZero();

        assertThat(stdout()).contains("OK loaded seed file " + schema(engine, "raw") + ".customers")
                .contains("OK created view model " + schema(engine, "staging") + ".stg_orders")
                .contains("OK created table model " + schema(engine, null) + ".customer_orders")
                .contains("Completed: PASS=6 WARN=0 ERROR=0 SKIP=0 TOTAL=6");
        assertThat(query(engine, "select customer_name, order_count, cast(total_amount as double) from "
                + schema(engine, null) + ".customer_orders order by customer_id"))
                .containsExactly(List.of("ADA", "2", "35.5"), List.of("GRACE", "1", "99.9"),
                        List.of("LINUS", "0", "0.0"));
        assertThat(query(engine, "select count(*) from " + schema(engine, null) + ".orders_incremental"))
                .containsExactly(List.of("3"));
        assertThat(query(engine, "select event from " + schema(engine, null) + ".audit"))
                .containsExactly(List.of("built customer_orders"), List.of("run ended"));
        JsonNode results = runResults();
        assertThat(results.at("/metadata/schema_version").asInt()).isEqualTo(1);
        assertThat(results.at("/metadata/command").asText()).isEqualTo("build");
        assertThat(results.get("results")).hasSize(6);
        results.get("results").forEach(result -> assertThat(result.get("status").asText()).isEqualTo("success"));
        assertThat(Files.readString(project.resolve("target/run/models/marts/customer_orders.sql")))
                .contains("create table").contains("customer_orders__quarry_tmp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "h2"})
    void anIncrementalModelMergesNewAndChangedRowsOnTheNextRun(String engine) throws Exception {
        assertThat(quarry(engine, "build")).as(stderr()).isZero();
        Files.writeString(project.resolve("seeds/orders.csv"), """
                order_id,customer_id,amount,ordered_at
                10,1,25.50,2024-01-05 10:00:00
                11,1,10.00,2024-01-06 11:30:00
                12,2,50.00,2024-01-07 09:15:00
                13,3,7.25,2024-01-08 08:00:00
                """);

        assertThat(quarry(engine, "build")).as(stderr()).isZero();

        assertThat(query(engine, "select order_id, amount from " + schema(engine, null)
                + ".orders_incremental order by order_id")).containsExactly(List.of("10", "25.5"),
                List.of("11", "10.0"), List.of("12", "50.0"), List.of("13", "7.25"));
        // The pre-hook asks is_incremental(): false on the first build (it renders to nothing and is left out),
        // true on the second (the two marts build in either order).
        assertThat(query(engine, "select event from " + schema(engine, null) + ".audit"))
                .containsExactlyInAnyOrder(List.of("built customer_orders"), List.of("run ended"),
                        List.of("merging into orders_incremental"), List.of("built customer_orders"),
                        List.of("run ended"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "h2"})
    void aFailingModelSkipsItsDescendantsAndKeepsItsPreviousVersion(String engine) throws Exception {
        assertThat(quarry(engine, "build")).as(stderr()).isZero();
        Files.writeString(project.resolve("models/staging/stg_customers.sql"),
                "select customer_id, no_such_column from ${ref('customers')}\n");

        assertThat(quarry(engine, "build")).isEqualTo(1);

        assertThat(stdout()).contains("ERROR creating view model " + schema(engine, "staging") + ".stg_customers")
                .contains("Completed: PASS=4 WARN=0 ERROR=1 SKIP=1 TOTAL=6");
        assertThat(stderr()).contains("Failure in model stg_customers (models/staging/stg_customers.sql)")
                .containsIgnoringCase("no_such_column");
        assertThat(query(engine, "select count(*) from " + schema(engine, "staging") + ".stg_customers"))
                .containsExactly(List.of("3"));
        JsonNode results = runResults();
        List<String> skipped = new ArrayList<>();
        results.get("results").forEach(result -> {
            if (result.get("status").asText().equals("skipped")) {
                skipped.add(result.get("unique_id").asText() + ": " + result.get("message").asText());
            }
        });
        assertThat(skipped).containsExactly("model.jaffle.customer_orders: skipped because stg_customers failed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "h2"})
    void runBuildsOnlyModelsAndSeedLoadsOnlySeeds(String engine) throws Exception {
        assertThat(quarry(engine, "seed")).as(stderr()).isZero();
        assertThat(stdout()).contains("Completed: PASS=2 WARN=0 ERROR=0 SKIP=0 TOTAL=2");

        assertThat(quarry(engine, "run", "-s", "+customer_orders", "--threads", "1")).as(stderr()).isZero();
        assertThat(stdout()).contains("Running 3 nodes with 1 thread")
                .contains("Completed: PASS=3 WARN=0 ERROR=0 SKIP=0 TOTAL=3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "h2"})
    void showPrintsTheFirstRowsOfAModel(String engine) {
        assertThat(quarry(engine, "build")).as(stderr()).isZero();

        assertThat(quarry(engine, "show", "-s", "stg_customers", "--limit", "2")).as(stderr()).isZero();

        assertThat(stdout()).contains("customer_id | customer_name | country").contains("1           | ADA")
                .contains("(first 2 rows; use --limit N for more)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "h2"})
    void runOperationRendersAProjectMacroAndRunsItsStatements(String engine) throws Exception {
        assertThat(quarry(engine, "build")).as(stderr()).isZero();

        assertThat(quarry(engine, "run-operation", "record_event", "--args", "{event: manual}")).as(stderr())
                .isZero();

        assertThat(stdout()).contains("Ran record_event: 2 statements");
        assertThat(query(engine, "select event from " + schema(engine, null) + ".audit"))
                .containsExactly(List.of("built customer_orders"), List.of("run ended"), List.of("manual"),
                        List.of("manual; again"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "h2"})
    void aDryRunNeedsAnEngineThatEstimatesAndRunsNothing(String engine) throws Exception {
        assertThat(quarry(engine, "run", "--dry-run")).isEqualTo(2);

        assertThat(stderr()).contains("--dry-run asks the engine what each query would process; " + engine
                + " cannot tell (BigQuery can)");
        assertThat(project.resolve("target/run_results.json")).doesNotExist();
    }
}
