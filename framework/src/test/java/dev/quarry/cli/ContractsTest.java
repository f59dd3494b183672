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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Model contracts ({@code contract: {enforced: true}}), as dbt has them: what can be checked without an engine is a
 * project error at compile time (an ephemeral model, no columns, a column without {@code data_type}, a select list
 * that names other columns); the types are checked by the engine before the model is built, and a model that breaks
 * its contract is not built.
 */
class ContractsTest {

    @TempDir
    Path dir;

    private static final String CONTRACT = """
            version: 2
            models:
              - name: orders
                config:
                  contract: {enforced: true}
                columns:
                  - name: id
                    data_type: int
                  - name: status
                    data_type: varchar
            """;

    private TestProject project(String sql, String properties) {
        return TestProject.in(dir).file("models/orders.sql", sql).file("models/schema.yml", properties);
    }

    private void assertCompileErrors(TestProject project, String expected) {
        TestProject.Result compile = project.run("compile");
        assertThat(compile.exitCode()).isEqualTo(3);
        assertThat(compile.stderr()).isEqualTo(expected);
    }

    @Test
    void aColumnWithoutADataTypeIsAnErrorAtItsLine() {
        assertCompileErrors(project("select 1 as id, 'new' as status\n", CONTRACT.replace(
                "        data_type: varchar\n", "")), """
                models/schema.yml:9:9: error: column 'status' of model 'orders' has no data_type, and the model \
                enforces a contract
                  hint: give it a data_type, as the engine names the type (for example bigint, varchar, date)
                1 error; nothing was run.
                """);
    }

    @Test
    void aSelectListThatNamesOtherColumnsIsAnError() {
        assertCompileErrors(project("select 1 as id, 'new' as state\n", CONTRACT), """
                models/schema.yml:5:17: error: model 'orders' breaks its contract: it does not return status; it \
                returns state, which the contract does not declare
                  hint: make the select list and the columns in models/schema.yml name the same columns
                1 error; nothing was run.
                """);
    }

    @Test
    void anEphemeralModelOrOneWithoutColumnsCannotEnforceAContract() {
        TestProject project = project("<@config materialized='ephemeral' />\nselect 1 as id, 'new' as status\n",
                CONTRACT).file("models/other.sql", "<@config contract={'enforced': true} />\nselect 1 as id\n");

        assertCompileErrors(project, """
                models/other.sql:1:1: error: model 'other' enforces a contract but declares no columns
                  hint: list its columns with their data_type under the model in its properties YAML
                models/schema.yml:5:17: error: model 'orders' enforces a contract but is ephemeral, and builds no \
                relation to hold it to
                  hint: materialize it as a view, table or incremental model, or drop contract.enforced
                2 errors; nothing was run.
                """);
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "h2"})
    void theEngineChecksTheTypesAndAModelThatBreaksItsContractIsNotBuilt(String engine)
            throws IOException, SQLException {
        TestProject project = project("<@config materialized='table' />\nselect 1 as id, 'new' as status\n",
                CONTRACT).warehouseFile(engine);

        TestProject.Result kept = project.run("run");
        project.file("models/orders.sql", "<@config materialized='table' />\n"
                + "select cast(1 as bigint) as id, 'new' as status\n");
        TestProject.Result broken = project.run("run");

        assertThat(kept.exitCode()).as(kept.stdout() + kept.stderr()).isZero();
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.stdout() + broken.stderr()).contains("model orders breaks its enforced contract, so it was not built:",
                "  - column id is BIGINT in the SQL, but the contract says int (INTEGER)",
                "hint: make the SQL and the data_type of its columns in models/schema.yml agree");
        assertThat(columnType(project.warehouseUrl(engine), "id")).as("the table built before, untouched")
                .isEqualTo("INTEGER");
        assertThat(Files.readString(dir.resolve("target/run/models/orders.sql"))).contains("where 1 = 0");
    }

    @Test
    void aDataTypeTheEngineDoesNotKnowIsNamedWithItsColumn() {
        TestProject project = project("select 1 as id, 'new' as status\n", CONTRACT.replace("data_type: int\n",
                "data_type: intt\n"));

        TestProject.Result run = project.run("run");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout() + run.stderr()).contains("model orders breaks its enforced contract, so it was not "
                + "built:", "  - column id (models/schema.yml:7:9): data_type 'intt' is not a type the engine knows: ",
                "hint: write each data_type as the engine names the type");
    }

    private static String columnType(String url, String column) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet results = statement.executeQuery("select * from orders")) {
            return results.getMetaData().getColumnTypeName(results.findColumn(column)).toUpperCase();
        }
    }
}
