package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code source_has_files('source', 'table')} lets a model fall back when nothing has been landed yet (the SF project
 * builds from synthetic demo data then); the compiled SQL follows the files, never a stale cache.
 */
class SourceHasFilesTest {

    @TempDir
    Path dir;

    private TestProject project() {
        return TestProject.in(dir).file("models/sources.yml", """
                version: 2
                sources:
                  - name: landing
                    tables:
                      - name: orders
                        external: {location: "data/landing/orders/**/*.parquet", format: parquet}
                """).file("models/orders.sql", """
                <#if source_has_files('landing', 'orders')>
                select * from ${source('landing', 'orders')}
                <#else>
                select 1 as id -- no orders landed yet
                </#if>
                """);
    }

    @Test
    void theModelFollowsWhetherFilesAreThere() throws Exception {
        TestProject project = project();
        assertThat(project.run("compile").exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("target/compiled/models/orders.sql")))
                .contains("no orders landed yet");
        // The answer is kept with the cached result: while it is the same, the model is not rendered again.
        assertThat(project.run("compile").stdout()).contains("(0 rendered, 1 unchanged)");

        Files.createDirectories(dir.resolve("data/landing/orders/day=1"));
        Files.writeString(dir.resolve("data/landing/orders/day=1/part-0.parquet"), "not read while compiling");
        TestProject.Result landed = project.run("compile");
        assertThat(landed.exitCode()).isZero();
        assertThat(landed.stdout()).contains("(1 rendered, 0 unchanged)");

        assertThat(Files.readString(dir.resolve("target/compiled/models/orders.sql")))
                .contains("read_parquet('data/landing/orders/**/*.parquet'").doesNotContain("no orders landed yet");
        assertThat(project.run("compile").stdout()).contains("(0 rendered, 1 unchanged)");

        Files.delete(dir.resolve("data/landing/orders/day=1/part-0.parquet"));
        assertThat(project.run("compile").stdout()).contains("(1 rendered, 0 unchanged)");
        assertThat(Files.readString(dir.resolve("target/compiled/models/orders.sql")))
                .contains("no orders landed yet");
    }

    @Test
    void anUndeclaredSourceIsAnErrorAtTheCall() {
        TestProject.Result result = project().file("models/orders.sql", "select ${source_has_files('landing', "
                + "'order')?c} as landed").run("compile");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).contains("models/orders.sql:1:").contains("source 'landing' has no table 'order'")
                .contains("did you mean 'orders'?");
    }
}
