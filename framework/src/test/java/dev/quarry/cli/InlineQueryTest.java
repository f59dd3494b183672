package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compile --inline} and {@code show --inline}: a query of the command line, written as a model is, compiled
 * with the project (refs, macros, vars), its errors placed in {@code <inline>}, nothing of it written to target/.
 */
class InlineQueryTest {

    @TempDir
    Path dir;

    private TestProject project() {
        return TestProject.in(dir).warehouseFile("duckdb")
                .file("models/orders.sql", "<@config materialized='table' />\n"
                        + "select 1 as order_id, 'open' as status union all select 2, 'shipped'\n");
    }

    @Test
    void compilePrintsTheQueryCompiledAndWritesNothing() {
        TestProject.Result compiled = project().run("compile", "--inline",
                "select count(*) as n from ${ref('orders')} where status = '${var('status', 'open')}'");

        assertThat(compiled.exitCode()).as(compiled.stderr()).isZero();
        assertThat(compiled.stdout()).isEqualTo(
                "select count(*) as n from \"main\".\"orders\" where status = 'open'\n");
        assertThat(dir.resolve("target/manifest.json")).doesNotExist();
        assertThat(dir.resolve("target/compiled")).doesNotExist();
    }

    @Test
    void showRunsTheQueryOnTheWarehouse() {
        TestProject project = project();
        project.run("run");

        TestProject.Result shown = project.run("show", "--inline",
                "select status, count(*) as orders from ${ref('orders')} group by 1 order by 1");

        assertThat(shown.exitCode()).as(shown.stderr()).isZero();
        assertThat(shown.stdout()).contains("Previewing the inline query:", "status  | orders", "open    | 1",
                "shipped | 1");
    }

    @Test
    void anErrorInTheQuerySaysWhereInIt() {
        TestProject.Result compiled = project().run("compile", "--inline", "select * from ${ref('order')}");

        assertThat(compiled.exitCode()).isEqualTo(3);
        assertThat(compiled.stderr()).isEqualTo("""
                <inline>:1:15: error: ref('order') names no model or seed
                  hint: did you mean 'orders'?
                1 error; nothing was run.
                """);
    }

    @Test
    void showNeedsAModelOrAQuery() {
        TestProject.Result shown = project().run("show");

        assertThat(shown.exitCode()).isEqualTo(2);
        assertThat(shown.stderr()).isEqualTo("usage error: show needs either -s MODEL or --inline SQL\n");
    }
}
