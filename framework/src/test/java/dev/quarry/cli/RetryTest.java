package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quarry retry}: the nodes the last run, build, seed or test left failed or skipped run again, with its
 * arguments, on its target and vars; nothing else does.
 */
class RetryTest {

    @TempDir
    Path dir;

    /** A model that fails until its table exists, with a model and a data test downstream, and one beside it. */
    private TestProject project() {
        return TestProject.in(dir).warehouseFile("duckdb")
                .file("models/orders.sql", "select * from main.raw_orders\n")
                .file("models/order_totals.sql", "<@config materialized='table' />\n"
                        + "select count(*) as orders from ${ref('orders')}\n")
                .file("models/calendar.sql", "<@config materialized='table' />\nselect current_date as day\n")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: order_totals
                            columns:
                              - name: orders
                                data_tests: [not_null]
                        """);
    }

    @Test
    void theFailedAndSkippedNodesRunAgainAndNothingElse() {
        TestProject project = project();
        TestProject.Result failed = project.run("build", "--no-docs", "--threads", "1");
        project.file("models/orders.sql", "select 1 as order_id\n");

        TestProject.Result retried = project.run("retry", "--no-docs");
        TestProject.Result again = project.run("retry");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.stdout()).contains("PASS=1 WARN=0 ERROR=1 SKIP=2 TOTAL=4");
        assertThat(retried.exitCode()).as(retried.stdout() + retried.stderr()).isZero();
        assertThat(retried.stdout()).contains("Retrying the 3 nodes that the last build left failed or skipped",
                "Running 3 nodes with 1 thread", "PASS=3 WARN=0 ERROR=0 SKIP=0 TOTAL=3")
                .doesNotContain("calendar");
        assertThat(again.exitCode()).isZero();
        assertThat(again.stdout()).contains("Nothing to retry: every node of the last build succeeded");
    }

    @Test
    void aRetryRunsWithTheVarsTheCommandHad() {
        TestProject project = project();
        project.run("run", "--vars", "{region: west}");

        TestProject.Result retried = project.run("retry");

        assertThat(retried.exitCode()).isEqualTo(2);
        assertThat(retried.stderr()).isEqualTo("usage error: the last run ran with --vars '{region: west}', and this "
                + "retry has none: give the same vars to retry it\n");
    }

    @Test
    void withoutALastRunThereIsNothingToRetry() {
        TestProject.Result retried = project().run("retry");

        assertThat(retried.exitCode()).isEqualTo(2);
        assertThat(retried.stderr()).isEqualTo("usage error: nothing to retry: there is no target/run_results.json yet "
                + "(retry runs again what the last run, build, seed or test left failed or skipped)\n");
    }
}
