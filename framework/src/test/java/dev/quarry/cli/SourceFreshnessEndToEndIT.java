package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code quarry source freshness} through the real CLI on DuckDB and H2 files, against tables loaded at known times. */
class SourceFreshnessEndToEndIT {

    @TempDir
    Path project;

    private FixtureProject fixture;

    @BeforeEach
    void copyFixture() throws Exception {
        fixture = FixtureProject.copy("quality", project);
        Files.writeString(project.resolve("models/sources.yml"), """
                version: 2
                sources:
                  - name: landing
                    schema: landing
                    loaded_at_field: loaded_at
                    freshness:
                      warn_after: {count: 1, period: hour}
                      error_after: {count: 1, period: day}
                    tables:
                      - name: fresh
                      - name: late
                      - name: stale
                      - name: empty
                      - name: filtered
                        freshness:
                          warn_after: {count: 1, period: hour}
                          filter: "kind = 'new'"
                      - name: unchecked
                        freshness: {}
                """);
    }

    private void loadTables(String engine) throws Exception {
        String url = engine.equals("duckdb") ? "jdbc:duckdb:" + project.resolve("target/quality.duckdb")
                : "jdbc:h2:file:" + project.resolve("target/quality-h2") + ";DATABASE_TO_LOWER=TRUE";
        Files.createDirectories(project.resolve("target"));
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("create schema landing");
            table(statement, "fresh", "'old'", 10);
            table(statement, "late", "'old'", 3 * 60);
            table(statement, "stale", "'old'", 3 * 24 * 60);
            statement.execute("create table landing.empty (loaded_at timestamp, kind varchar(10))");
            table(statement, "filtered", "'new'", 10);
            statement.execute("insert into landing.filtered values (timestamp '"
                    + ago(5 * 24 * 60) + "', 'new'), (timestamp '" + ago(1) + "', 'old')");
            table(statement, "unchecked", "'old'", 10 * 24 * 60);
        }
    }

    private static void table(Statement statement, String name, String kind, int minutesAgo) throws Exception {
        statement.execute("create table landing." + name + " as select timestamp '" + ago(minutesAgo)
                + "' as loaded_at, cast(" + kind + " as varchar(10)) as kind");
    }

    private static String ago(int minutes) {
        return LocalDateTime.now(ZoneOffset.UTC).minusMinutes(minutes)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "h2"})
    void eachTableIsGradedByTheAgeOfItsNewestRow(String engine) throws Exception {
        loadTables(engine);

        assertThat(fixture.run("--target", engine, "source", "freshness", "-s", "source:landing")).isOne();

        JsonNode sources = new ObjectMapper().readTree(project.resolve("target/sources.json").toFile());
        Map<String, String> statuses = new TreeMap<>();
        for (JsonNode result : sources.get("results")) {
            statuses.put(result.get("unique_id").asText().replace("source.quality.landing.", ""),
                    result.get("status").asText());
        }
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of("fresh", "pass", "late", "warn",
                "stale", "error", "empty", "runtime error", "filtered", "pass"));
        assertThat(fixture.stdout())
                .containsPattern("PASS freshness of landing\\.fresh \\.+ \\[PASS in ")
                .containsPattern("WARN freshness of landing\\.late \\.+ \\[WARN in ")
                .contains("Completed: PASS=2 WARN=1 ERROR=2 SKIP=0 TOTAL=5");
        assertThat(fixture.stderr())
                .containsPattern("Failure in source landing\\.stale \\(models/sources\\.yml:12:9\\)\\n"
                        + "  newest loaded_at is \\S+, 3 days old; older than error_after \\(24 hours\\)")
                .contains("Failure in source landing.empty (models/sources.yml:13:9)\n"
                        + "  the table has no rows, so it has no loaded_at");
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "h2"})
    void noCheckedSourceIsNotAnError(String engine) {
        assertThat(fixture.run("--target", engine, "source", "freshness", "-s", "source:landing.unchecked"))
                .isZero();

        assertThat(fixture.stdout()).contains("No selected source table has a freshness check");
    }
}
