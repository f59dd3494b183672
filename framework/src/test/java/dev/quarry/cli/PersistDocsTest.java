package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code persist_docs: {relation: true, columns: true}} on DuckDB and H2: the model's and its columns' descriptions
 * are kept on the built table, view or incremental table ({@code COMMENT ON}), and a description changed since reaches
 * an incremental table on its next run. (BigQuery's are in {@code BigQueryPlanTest}.)
 */
class PersistDocsTest {

    @TempDir
    Path dir;

    private static final String PROPERTIES = """
            version: 2
            models:
              - name: orders
                description: "One row per order; it's the source of truth"
                columns:
                  - name: id
                    description: The order's id
              - name: open_orders
                description: The orders still open
              - name: order_log
                description: Every order ever seen
                columns:
                  - name: id
                    description: Key
            """;

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "h2"})
    void descriptionsAreKeptOnTheRelationsBuilt(String engine) {
        TestProject project = TestProject.in(dir).warehouseFile(engine)
                .file("quarry_project.yml", """
                        name: shop
                        profile: shop
                        models:
                          shop:
                            +persist_docs: {relation: true, columns: true}
                        """)
                .file("models/orders.sql", "<@config materialized='table' />\nselect 1 as id, 'open' as status\n")
                .file("models/open_orders.sql", "select * from ${ref('orders')} where status = 'open'\n")
                .file("models/order_log.sql", "<@config materialized='incremental' unique_key='id' />\n"
                        + "select id from ${ref('orders')}\n")
                .file("models/schema.yml", PROPERTIES);

        TestProject.Result first = project.run("run");
        project.file("models/schema.yml", PROPERTIES.replace("description: Key", "description: The order's key"));
        TestProject.Result incremental = project.run("run");

        assertThat(first.exitCode()).as(first.stdout() + first.stderr()).isZero();
        assertThat(incremental.exitCode()).as(incremental.stdout() + incremental.stderr()).isZero();
        assertThat(comments(project, engine, engine.equals("duckdb")
                ? "select table_name, comment from duckdb_tables() union all "
                        + "select view_name, comment from duckdb_views() where not internal order by 1"
                : "select table_name, remarks from information_schema.tables where table_schema = 'public' "
                        + "order by 1"))
                .containsExactly("open_orders: The orders still open", "order_log: Every order ever seen",
                        "orders: One row per order; it's the source of truth");
        assertThat(comments(project, engine, engine.equals("duckdb")
                ? "select table_name || '.' || column_name, comment from duckdb_columns() where comment is not null "
                        + "order by 1"
                : "select table_name || '.' || column_name, remarks from information_schema.columns where "
                        + "table_schema = 'public' and remarks <> '' order by 1"))
                .containsExactly("order_log.id: The order's key", "orders.id: The order's id");
    }

    /** Each row of a query of a name and its comment, as "name: comment". */
    private static List<String> comments(TestProject project, String engine, String query) {
        return project.query(engine, query).stream().map(row -> row.get(0) + ": " + row.get(1)).toList();
    }
}
