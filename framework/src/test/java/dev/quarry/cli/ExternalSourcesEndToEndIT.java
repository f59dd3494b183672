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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sources read in place on DuckDB ({@code external: {location, format, options}}), end to end: real Parquet files in
 * two hive partitions, a CSV and a JSON file, written at test time, and {@code build} run in-process. The project's
 * relative locations resolve against the project directory, not the working directory (this JVM's is the module's).
 */
class ExternalSourcesEndToEndIT {

    private static final String PROJECT_FILE = """
            name: lake
            version: "1.0.0"
            profile: lake
            models:
              lake:
                +materialized: table
            """;

    private static final String PROFILES_FILE = """
            lake:
              target: duckdb
              outputs:
                duckdb:
                  type: duckdb
                  path: target/lake.duckdb
                  schema: main
                  threads: 2
            """;

    private static final String SOURCES_FILE = """
            version: 2
            sources:
              - name: landing
                tables:
                  - name: orders
                    external:
                      location: "data/landing/orders/**/*.parquet"
                      format: parquet
                      options: {hive_partitioning: true}
                  - name: customers
                    external: {location: "data/customers.csv", options: {header: true, delim: ";"}}
                  - name: countries
                    external: {location: "data/countries.json", format: json}
            """;

    private static final String ORDERS_ENRICHED = """
            select o.order_id, o.customer, o.amount, o.year, cn.name as country
            from ${source('landing', 'orders')} as o
            join ${source('landing', 'customers')} as c on c.customer = o.customer
            join ${source('landing', 'countries')} as cn on cn.code = c.country_code
            """;

    @TempDir
    Path dir;

    private TestProject project;

    @BeforeEach
    void writeProjectAndFiles() throws Exception {
        project = TestProject.in(dir).file("quarry_project.yml", PROJECT_FILE).file("profiles.yml", PROFILES_FILE)
                .file("models/sources.yml", SOURCES_FILE)
                .file("models/orders_enriched.sql", ORDERS_ENRICHED)
                .file("models/orders_2024.sql", """
                        <@config materialized='view' />
                        select order_id, year from ${source('landing', 'orders')} where year = 2024
                        """)
                .file("data/customers.csv", """
                        customer;country_code
                        ada;GB
                        grace;US
                        linus;FI
                        """)
                .file("data/countries.json", """
                        {"code": "GB", "name": "United Kingdom"}
                        {"code": "US", "name": "United States"}
                        {"code": "FI", "name": "Finland"}
                        """);
        Path orders = dir.resolve("data/landing/orders");
        Files.createDirectories(orders.resolve("year=2023"));
        Files.createDirectories(orders.resolve("year=2024"));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute(parquet("(1, 'ada', 10.50), (2, 'grace', 20.00)", orders.resolve("year=2023")));
            statement.execute(parquet("(3, 'linus', 7.25)", orders.resolve("year=2024")));
        }
    }

    @Test
    void buildReadsParquetWithItsHivePartitionsCsvAndJsonInPlace() throws Exception {
        TestProject.Result result = project.run("build");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("3 sources")
                .contains("OK created table model main.orders_enriched")
                .contains("OK created view model main.orders_2024")
                .contains("Completed: PASS=2 WARN=0 ERROR=0 SKIP=0 TOTAL=2");
        assertThat(query("select order_id, customer, cast(amount as double), year, country "
                + "from main.orders_enriched order by order_id")).containsExactly(
                        List.of("1", "ada", "10.5", "2023", "United Kingdom"),
                        List.of("2", "grace", "20.0", "2023", "United States"),
                        List.of("3", "linus", "7.25", "2024", "Finland"));
        // The partition column is a column like the others: a filter on it reads one folder. The view keeps the
        // relative location, so it reads the files only where relative paths resolve against the project directory.
        assertThat(queryFromProjectDirectory("select order_id, year from main.orders_2024"))
                .containsExactly(List.of("3", "2024"));
        assertThat(Files.readString(dir.resolve("target/compiled/models/orders_enriched.sql")))
                .contains("from read_parquet('data/landing/orders/**/*.parquet', hive_partitioning = true) as o")
                .contains("join read_csv('data/customers.csv', header = true, delim = ';') as c")
                .contains("join read_json('data/countries.json') as cn");
    }

    @Test
    void aSourceWhoseLocationMatchesNoFileFailsItsModelOnlyAndNamesThePattern() throws Exception {
        project.file("models/sources.yml", SOURCES_FILE
                + "      - name: refunds\n"
                + "        external: {location: \"data/landing/refunds/*.parquet\", format: parquet}\n")
                .file("models/refunds.sql", "select order_id, amount from ${source('landing', 'refunds')}\n")
                .file("models/refund_totals.sql", "select count(*) as refunds from ${ref('refunds')}\n");

        TestProject.Result result = project.run("build");

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
        assertThat(result.stdout()).contains("ERROR creating table model main.refunds")
                .contains("OK created table model main.orders_enriched")
                .contains("OK created view model main.orders_2024")
                .contains("Completed: PASS=2 WARN=0 ERROR=1 SKIP=1 TOTAL=4");
        assertThat(result.stderr()).contains("Failure in model refunds (models/refunds.sql)")
                .contains("No files found that match the pattern \"data/landing/refunds/*.parquet\"");
        Map<String, String> statuses = statuses();
        assertThat(statuses).containsOnly(Map.entry("model.lake.orders_enriched", "success"),
                Map.entry("model.lake.orders_2024", "success"), Map.entry("model.lake.refunds", "error"),
                Map.entry("model.lake.refund_totals", "skipped"));
        assertThat(query("select count(*) from main.orders_enriched")).containsExactly(List.of("3"));
        assertThat(query("select table_name from information_schema.tables order by table_name"))
                .containsExactly(List.of("orders_2024"), List.of("orders_enriched"));
    }

    @Test
    void stagingSourcesOnDuckDbIsNothingToDoSinceItReadsTheFilesInPlace() {
        TestProject.Result result = project.run("source", "stage", "-s", "source:landing");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("source landing.orders: duckdb reads its files in place; nothing to "
                + "stage");
    }

    private Map<String, String> statuses() throws IOException {
        JsonNode results = new ObjectMapper().readTree(dir.resolve("target/run_results.json").toFile());
        Map<String, String> statuses = new LinkedHashMap<>();
        results.get("results").forEach(result -> statuses.put(result.get("unique_id").asText(),
                result.get("status").asText()));
        return statuses;
    }

    private List<List<String>> query(String sql) throws SQLException {
        return query(sql, null);
    }

    /** As Quarry's own sessions do: relative file paths in the query resolve against the project directory. */
    private List<List<String>> queryFromProjectDirectory(String sql) throws SQLException {
        return query(sql, "set file_search_path = " + literal(dir.toAbsolutePath()));
    }

    private List<List<String>> query(String sql, String setting) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("target/lake.duckdb"));
                Statement statement = connection.createStatement()) {
            if (setting != null) {
                statement.execute(setting);
            }
            return rows(statement, sql);
        }
    }

    private static List<List<String>> rows(Statement statement, String sql) throws SQLException {
        try (ResultSet results = statement.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = results.getMetaData().getColumnCount();
            while (results.next()) {
                List<String> row = new ArrayList<>();
                for (int index = 1; index <= columns; index++) {
                    row.add(String.valueOf(results.getObject(index)));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** A COPY of order rows into {@code folder/part-0.parquet}; the partition's value is only in the folder name. */
    private static String parquet(String values, Path folder) {
        return "copy (select cast(order_id as integer) as order_id, customer, cast(amount as decimal(10, 2)) as amount"
                + " from (values " + values + ") as t(order_id, customer, amount)) to "
                + literal(folder.resolve("part-0.parquet")) + " (format parquet)";
    }

    private static String literal(Path path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }
}
