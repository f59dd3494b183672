package dev.sfcrimestats.socrata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sfcrimestats.SfProject;

/**
 * {@code quarry pipeline} on the SF project, end to end and in-process: ingest from the loopback Socrata imitation,
 * stage, build, the site with the dashboard, published to a folder; JSON logs with the run summary; the lock that
 * keeps two runs apart; a failed ingest that stops the run.
 */
class PipelineEndToEndIT {

    private static final int ROWS = 600;

    @TempDir
    Path dir;

    private FakeSocrata socrata;
    private SfProject project;
    private Path published;

    @BeforeEach
    void start() throws Exception {
        socrata = FakeSocrata.start(FakeSocrata.SFPD_DATASET);
        socrata.putAll(SfpdRows.sample(ROWS));
        project = SfProject.copyInto(Files.createDirectories(dir.resolve("project")));
        project.env("SFPD_SOCRATA_URL", socrata.baseUri().toString());
        published = dir.resolve("published");
    }

    @AfterEach
    void stop() {
        socrata.close();
    }

    @Test
    void ingestsBuildsWritesAndPublishesTheSiteAndSaysWhatItDid() throws Exception {
        SfProject.Result result = project.run("--log-format", "json", "pipeline", "--publish", published.toString());

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        List<JsonNode> events = events(result.stdout());
        assertThat(events.stream().map(event -> event.get("message").asText()))
                .contains("Pipeline step 1 of 5: ingest", "Pipeline step 2 of 5: stage the sources",
                        "Pipeline step 3 of 5: build", "Pipeline step 4 of 5: the docs site",
                        "Pipeline step 5 of 5: publish the site to " + published);
        JsonNode summary = events.get(events.size() - 1);
        assertThat(summary.get("message").asText()).startsWith("Pipeline succeeded in ");
        assertThat(summary.get("status").asText()).isEqualTo("success");
        assertThat(summary.get("rows_ingested").asLong()).isEqualTo(ROWS);
        assertThat(summary.get("models_built").asLong()).isEqualTo(16);
        assertThat(summary.get("tests_passed").asLong()).isGreaterThan(100);
        assertThat(summary.get("tests_failed").asLong()).isZero();
        assertThat(summary.get("bytes_billed").asLong()).isZero();
        assertThat(summary.get("site").asText()).isEqualTo(published.toString());
        assertThat(published.resolve("index.html")).isNotEmptyFile();
        assertThat(published.resolve("data/index.js")).isNotEmptyFile();
        assertThat(Files.readString(published.resolve("dashboard/data.js")))
                .contains("DataSF: Police Department Incident Reports").contains("\"synthetic\":false");
        assertThat(lockExists()).isFalse();
    }

    @Test
    void aRunFindingTheLockHeldDoesNothingAndAnExpiredLockIsReplaced() throws Exception {
        Files.createDirectories(project.root().resolve("target"));
        holdLock(Instant.now().minus(1, ChronoUnit.HOURS));

        SfProject.Result locked = project.run("pipeline");

        assertThat(locked.exitCode()).isEqualTo(1);
        assertThat(locked.stderr()).contains("another pipeline run has held the lock \"main\".\"quarry_pipeline_lock\""
                + " since ").contains("this run does nothing");
        assertThat(locked.stdout()).contains("Pipeline did not run (locked)").doesNotContain("step 1 of 5");
        assertThat(socrata.dataRequests()).isEmpty();

        holdLock(Instant.now().minus(7, ChronoUnit.HOURS));
        SfProject.Result replaced = project.run("pipeline");

        assertThat(replaced.exitCode()).as(replaced.stdout() + replaced.stderr()).isZero();
        assertThat(replaced.stdout()).contains("Replaced an expired pipeline lock").contains("Pipeline succeeded");
        assertThat(lockExists()).isFalse();
    }

    @Test
    void aFailedIngestStopsTheRunBeforeAnythingIsBuilt() {
        socrata.close();

        SfProject.Result result = project.run("pipeline", "--publish", published.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("Failure ingesting sfpd.incidents");
        assertThat(result.stdout()).contains("Pipeline failed at ingest").doesNotContain("step 3 of 5");
        assertThat(published).doesNotExist();
    }

    private static List<JsonNode> events(String stdout) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> events = new java.util.ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (line.startsWith("{")) {
                events.add(mapper.readTree(line));
            }
        }
        return events;
    }

    private Connection warehouse() throws Exception {
        return DriverManager.getConnection("jdbc:duckdb:" + project.root().resolve("target/warehouse.duckdb"));
    }

    private void holdLock(Instant since) throws Exception {
        try (Connection connection = warehouse(); Statement statement = connection.createStatement()) {
            statement.execute("create or replace table main.quarry_pipeline_lock as select 'another-run' as holder, '"
                    + since + "' as acquired_at");
        }
    }

    private boolean lockExists() throws Exception {
        try (Connection connection = warehouse(); Statement statement = connection.createStatement();
                var rows = statement.executeQuery("select count(*) from information_schema.tables "
                        + "where table_name = 'quarry_pipeline_lock'")) {
            rows.next();
            return rows.getLong(1) > 0;
        }
    }
}
