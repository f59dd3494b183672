package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Constraints of a model with an enforced contract, as dbt has them: {@code not_null} and {@code primary_key} are
 * added to the table before it takes the model's name (a row that breaks one fails the build, the previous table
 * stays), the others are warnings, and constraints without an enforced contract or on undeclared columns are said.
 */
class ConstraintsTest {

    @TempDir
    Path dir;

    private static final String PROPERTIES = """
            version: 2
            models:
              - name: orders
                config:
                  contract: {enforced: true}
                constraints:
                  - {type: primary_key, columns: [order_id]}
                columns:
                  - name: order_id
                    data_type: int
                    constraints: [{type: not_null}]
                  - name: status
                    data_type: varchar
                    constraints: [{type: not_null}]
            """;

    private TestProject project(String engine, String select) {
        return TestProject.in(dir).warehouseFile(engine)
                .file("models/orders.sql", "<@config materialized='table' />\n" + select + "\n")
                .file("models/schema.yml", PROPERTIES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "h2"})
    void theTableKeepsItsConstraintsAndARowThatBreaksOneFailsTheBuild(String engine) throws SQLException {
        TestProject project = project(engine, "select 1 as order_id, 'open' as status union all select 2, 'shipped'");

        TestProject.Result built = project.run("run");
        project.file("models/orders.sql", "<@config materialized='table' />\n"
                + "select 1 as order_id, 'open' as status union all select 3, null\n");
        TestProject.Result broken = project.run("run");

        assertThat(built.exitCode()).as(built.stdout() + built.stderr()).isZero();
        if (engine.equals("duckdb")) { // H2 reports no rows for a table built from a query
            assertThat(built.stdout()).as("the rows are the table's, not a constraint's").contains("[OK 2 rows");
        }
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.stdout() + broken.stderr()).contains("the new table breaks a constraint of the model's "
                + "contract (alter table", "so it was not swapped in");
        assertThat((broken.stdout() + broken.stderr()).toLowerCase()).contains("status", "null");
        assertThat(project.query(engine, "select count(*) from orders")).as("the table built first, untouched")
                .containsExactly(java.util.List.of("2"));
        try (Connection connection = DriverManager.getConnection(project.warehouseUrl(engine));
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("insert into orders values (4, null)"))
                    .as("not_null on status").isInstanceOf(SQLException.class);
        }
        try (Connection connection = DriverManager.getConnection(project.warehouseUrl(engine));
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("insert into orders values (1, 'again')"))
                    .as("the primary key").isInstanceOf(SQLException.class);
        }
    }

    @Test
    void whatIsNotAppliedOrCannotBeIsSaidAtItsLine() {
        TestProject project = TestProject.in(dir)
                .file("models/orders.sql", "<@config materialized='table' />\nselect 1 as order_id\n")
                .file("models/drafts.sql", "select 1 as id\n")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: orders
                            config:
                              contract: {enforced: true}
                            constraints:
                              - {type: primary_key, columns: [id]}
                            columns:
                              - name: order_id
                                data_type: int
                                constraints: [{type: unique}]
                          - name: drafts
                            columns:
                              - name: id
                                constraints: [{type: not_null}]
                        """);

        TestProject.Result compiled = project.run("compile");

        assertThat(compiled.exitCode()).isEqualTo(3);
        assertThat(compiled.stderr()).isEqualTo("""
                models/schema.yml:7:9: error: a primary_key constraint of model 'orders' is on id, which its \
                contract does not declare
                  hint: declare the column under the model, or fix its name
                models/schema.yml:11:23: warning: a unique constraint is not applied by Quarry
                  hint: a unique data test on the column checks the rows
                models/schema.yml:15:23: warning: model 'drafts' has constraints, which apply only when its \
                contract is enforced
                  hint: add contract: {enforced: true} to its config, or remove them
                1 error; nothing was run.
                """);
    }
}
