package dev.quarry.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.quarry.adapter.Dialects;
import dev.quarry.error.Diagnostics;
import dev.quarry.project.LoadOptions;
import dev.quarry.project.Project;
import dev.quarry.project.ProjectLoader;

/**
 * The SQL compiled for the fixture project {@code projects/ephemeral}, with its ephemeral models inlined as CTEs (a
 * nested chain, a diamond, a model with its own WITH clause), runs on the embedded engines and gives the rows the
 * models mean.
 */
class EphemeralSqlIT {

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "h2"})
    void theCompiledSqlRunsOnTheEngine(String engine) throws Exception {
        Map<String, ManifestNode> nodes = compile(engine);
        try (Connection connection = DriverManager.getConnection(engine.equals("h2") ? "jdbc:h2:mem:" : "jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists \"main\"");
            statement.execute("create table \"main\".\"raw_orders\" (order_id integer, customer_id integer, "
                    + "amount_cents integer, status varchar(20))");
            statement.execute("insert into \"main\".\"raw_orders\" values (1, 10, 1250, 'paid'), "
                    + "(2, 10, 800, 'refunded'), (3, 20, 4000, 'paid')");

            assertThat(rows(statement, nodes.get("model.eph.fct_customers")))
                    .containsExactly(List.of("10", "12.5", "2"), List.of("20", "40", "1"));
            assertThat(rows(statement, nodes.get("model.eph.customer_totals")))
                    .containsExactly(List.of("10", "2", "12.5"), List.of("20", "1", "40"));
            assertThat(rows(statement, nodes.get("model.eph.paid_orders")))
                    .containsExactly(List.of("1", "10", "12.5"), List.of("3", "20", "40"));
            assertThat(rows(statement, nodes.get("model.eph.order_ids")))
                    .containsExactly(List.of("1"), List.of("2"), List.of("3"));
            assertThat(rows(statement, nodes.get("test.eph.assert_paid_amounts_positive"))).isEmpty();
            if (engine.equals("duckdb")) {
                // H2 wants a column list on every CTE of a WITH RECURSIVE clause, the inlined ones too.
                assertThat(rows(statement, nodes.get("model.eph.order_numbers")))
                        .containsExactly(List.of("1", "1"), List.of("3", "3"));
            }
        }
    }

    private static Map<String, ManifestNode> compile(String engine) throws URISyntaxException {
        Path fixture = Path.of(EphemeralSqlIT.class.getResource("/projects/ephemeral").toURI());
        Diagnostics diagnostics = new Diagnostics();
        Project project = new ProjectLoader(LoadOptions.defaults()).load(fixture, diagnostics);
        CompileOptions options = new CompileOptions(List.of(), List.of(), Map.of(), "2024-01-01 00:00:00.000",
                "00000000-0000-0000-0000-000000000000", Set.of(), false, true);
        CompiledProject compiled = new Compiler(Dialects.forType(engine), CompileCache.empty())
                .compile(project, options, diagnostics);
        assertThat(compiled.warnings()).isEmpty();
        return compiled.nodes();
    }

    /** The rows in order of their columns' text; numbers without trailing zeros. */
    private static List<List<String>> rows(Statement statement, ManifestNode node) throws SQLException {
        String sql = node.compiledCode().strip();
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(sql.endsWith(";") ? sql.substring(0, sql.length() - 1)
                : sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    Object value = result.getObject(column);
                    row.add(value instanceof Number number
                            ? new BigDecimal(number.toString()).stripTrailingZeros().toPlainString()
                            : String.valueOf(value));
                }
                rows.add(row);
            }
        }
        rows.sort(java.util.Comparator.comparing(Object::toString));
        return rows;
    }
}
