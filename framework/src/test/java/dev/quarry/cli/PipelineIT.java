package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quarry pipeline} on the {@code jaffle} fixture (no loaders: nothing to ingest or stage), on DuckDB and H2:
 * the build, the site published to a folder, the summary, and the lock table taken and dropped on each engine.
 */
class PipelineIT {

    @TempDir
    Path project;

    @TempDir
    Path published;

    @Test
    void buildsWritesAndPublishesTheSiteOnDuckDbAndDropsItsLock() throws Exception {
        FixtureProject fixture = FixtureProject.copy("jaffle", project);

        int exitCode = fixture.run("pipeline", "--publish", published.toString());

        assertThat(exitCode).as(fixture.stdout() + fixture.stderr()).isZero();
        assertThat(fixture.stdout()).contains("No selected source declares a loader")
                .contains("Pipeline step 3 of 5: build")
                .containsPattern("Pipeline succeeded in [0-9.]+s: 0 rows ingested, 4 models built \\(0 failed\\), "
                        + "0 tests passed, 0 warned, 0 failed, 0 skipped, 0 bytes billed; site published to ");
        assertThat(published.resolve("index.html")).isNotEmptyFile();
        assertThat(published.resolve("data/index.js")).isNotEmptyFile();
        assertThat(tables("jdbc:duckdb:" + project.resolve("target/jaffle.duckdb"), "quarry_pipeline_lock"))
                .isZero();
    }

    @Test
    void aHeldLockStopsTheRunBeforeAnythingIsBuilt() throws Exception {
        FixtureProject fixture = FixtureProject.copy("jaffle", project);
        java.nio.file.Files.createDirectories(project.resolve("target"));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"
                + project.resolve("target/jaffle.duckdb")); Statement statement = connection.createStatement()) {
            statement.execute("create table main.quarry_pipeline_lock as select 'other' as holder, '"
                    + Instant.now().minus(10, ChronoUnit.MINUTES) + "' as acquired_at");
        }

        int exitCode = fixture.run("pipeline", "--lock-expires-after", "1");

        assertThat(exitCode).isEqualTo(1);
        assertThat(fixture.stderr()).contains("another pipeline run has held the lock \"main\".\"quarry_pipeline_lock\"");
        assertThat(fixture.stdout()).contains("Pipeline did not run (locked)").doesNotContain("step 3 of 5");
        assertThat(tables("jdbc:duckdb:" + project.resolve("target/jaffle.duckdb"), "customer_orders")).isZero();
    }

    @Test
    void takesAndDropsItsLockOnH2() throws Exception {
        FixtureProject fixture = FixtureProject.copy("jaffle", project);

        int exitCode = fixture.runOn("h2", "pipeline");

        assertThat(exitCode).as(fixture.stdout() + fixture.stderr()).isZero();
        assertThat(fixture.stdout()).contains("Pipeline succeeded");
        assertThat(tables("jdbc:h2:file:" + project.resolve("target/jaffle-h2") + ";DATABASE_TO_LOWER=TRUE", "quarry_pipeline_lock")).isZero();
        assertThat(tables("jdbc:h2:file:" + project.resolve("target/jaffle-h2") + ";DATABASE_TO_LOWER=TRUE", "customer_orders")).isOne();
    }

    private static long tables(String url, String name) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from information_schema.tables "
                        + "where lower(table_name) = lower('" + name + "')")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
