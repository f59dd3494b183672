package dev.quarry.bigquery.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ProjectAnalysis} on a small project written here: what it registers (source types, inferred seed types,
 * each model's analyzed output), what fails, and what it skips and why.
 */
class ProjectAnalysisIT {

    private static final Map<String, NodeOutcome> OUTCOMES = new LinkedHashMap<>();

    @BeforeAll
    static void analyzeTheProject(@TempDir Path project) throws IOException {
        write(project, "quarry_project.yml", "name: probe\nprofile: probe\n");
        write(project, "profiles.yml", """
                probe:
                  target: bq
                  outputs:
                    bq: {type: bigquery, project: probe-project, dataset: analytics}
                """);
        write(project, "models/sources.yml", """
                version: 2
                sources:
                  - name: raw
                    tables:
                      - name: events
                        columns:
                          - {name: event_id, data_type: int64}
                          - {name: happened_at, data_type: timestamp}
                          - {name: kind, data_type: string}
                      - name: untyped
                      - name: half_typed
                        columns:
                          - {name: a, data_type: int64}
                          - {name: b}
                """);
        write(project, "seeds/rates.csv", "day,rate\n2024-01-01,1.5\n");
        write(project, "models/stg_events.sql", "select event_id, happened_at, kind from ${source('raw', 'events')}");
        write(project, "models/daily.sql",
                "select date(happened_at) as day, count(*) as events from ${ref('stg_events')} group by 1");
        write(project, "models/weighted.sql", "select d.day, d.events * r.rate as weighted\n"
                + "from ${ref('daily')} as d join ${ref('rates')} as r on r.day = d.day");
        write(project, "models/reads_a_column_upstream_lacks.sql", "select events from ${ref('stg_events')}");
        write(project, "models/after_the_failure.sql", "select * from ${ref('reads_a_column_upstream_lacks')}");
        write(project, "models/unnamed.sql", "select event_id + 1 from ${ref('stg_events')}");
        write(project, "models/twice.sql", "select kind, upper(kind) as KIND from ${ref('stg_events')}");
        write(project, "models/from_untyped.sql", "select * from ${source('raw', 'untyped')}");
        write(project, "models/ids.sql", "<@config materialized='ephemeral' />\nselect event_id from "
                + "${ref('stg_events')}");
        write(project, "models/through_ephemeral.sql", "select count(*) as n from ${ref('ids')}");
        write(project, "models/incremental.sql", "<@config materialized='incremental' />\n"
                + "select event_id, happened_at from ${ref('stg_events')}\n<#if is_incremental()>\n"
                + "where happened_at > (select max(previous.happened_at) from ${this} as previous)\n</#if>");
        write(project, "models/incremental_wrong.sql", "<@config materialized='incremental' />\n"
                + "select event_id from ${ref('stg_events')}\n<#if is_incremental()>\n"
                + "where event_id > (select max(previous.happened_at) from ${this} as previous)\n</#if>");
        write(project, "models/excluded.sql", "select 1 as id where 1 = 0");
        write(project, "models/excluded_but_fine.sql", "select 1 as id");

        BigQueryCompilation compilation = BigQueryCompilation.compile(project, "bq");
        ProjectAnalysis analysis = new ProjectAnalysis(compilation, Map.of(
                "model.probe.excluded", "written for DuckDB", "model.probe.excluded_but_fine", "written for DuckDB"));
        analysis.order().forEach(node -> OUTCOMES.put(node.uniqueId(), analysis.analyze(node)));
    }

    private static void write(Path project, String path, String text) throws IOException {
        Files.createDirectories(project.resolve(path).getParent());
        Files.writeString(project.resolve(path), text);
    }

    private static String columns(String id) {
        assertThat(OUTCOMES.get(id)).as(id).isInstanceOf(NodeOutcome.Analyzed.class);
        return ((NodeOutcome.Analyzed) OUTCOMES.get(id)).columns().toString();
    }

    private static String failure(String id) {
        assertThat(OUTCOMES.get(id)).as(id).isInstanceOf(NodeOutcome.Failed.class);
        return ((NodeOutcome.Failed) OUTCOMES.get(id)).message();
    }

    private static String skip(String id) {
        assertThat(OUTCOMES.get(id)).as(id).isInstanceOf(NodeOutcome.Skipped.class);
        return ((NodeOutcome.Skipped) OUTCOMES.get(id)).reason();
    }

    @Test
    void sourcesAndSeedsAreRegisteredWithTheirTypes() {
        assertThat(columns("source.probe.raw.events"))
                .isEqualTo("[event_id INT64, happened_at TIMESTAMP, kind STRING]");
        assertThat(columns("seed.probe.rates")).isEqualTo("[day DATE, rate FLOAT64]");
    }

    @Test
    void eachModelIsAnalyzedAgainstTheOutputOfTheModelsItReads() {
        assertThat(columns("model.probe.stg_events"))
                .isEqualTo("[event_id INT64, happened_at TIMESTAMP, kind STRING]");
        assertThat(columns("model.probe.daily")).isEqualTo("[day DATE, events INT64]");
        assertThat(columns("model.probe.weighted")).isEqualTo("[day DATE, weighted FLOAT64]");
        assertThat(columns("model.probe.through_ephemeral")).isEqualTo("[n INT64]");
    }

    @Test
    void aColumnTheUpstreamModelDoesNotReturnFailsWithTheCompiledSql() {
        assertThat(failure("model.probe.reads_a_column_upstream_lacks")).isEqualTo("""
                ZetaSQL rejects target/compiled/models/reads_a_column_upstream_lacks.sql:
                Unrecognized name: events; Did you mean event_id? [at 1:8]
                select events from `probe-project`.`analytics`.`stg_events`
                       ^
                in:
                   1 | select events from `probe-project`.`analytics`.`stg_events`
                """);
        assertThat(skip("model.probe.after_the_failure")).isEqualTo("not analyzed: it reads model "
                + "models/reads_a_column_upstream_lacks.sql, which could not be analyzed");
    }

    @Test
    void anIncrementalModelsLaterRunIsAnalyzedAgainstItsOwnTable() {
        assertThat(columns("model.probe.incremental")).isEqualTo("[event_id INT64, happened_at TIMESTAMP]");
        assertThat(columns("model.probe.incremental#incremental"))
                .isEqualTo("[event_id INT64, happened_at TIMESTAMP]");
        assertThat(columns("model.probe.incremental_wrong")).isEqualTo("[event_id INT64]");
        assertThat(failure("model.probe.incremental_wrong#incremental")).startsWith("""
                ZetaSQL rejects models/incremental_wrong.sql rendered with is_incremental() true:
                Name happened_at not found inside previous [at 2:39]""");
    }

    @Test
    void aModelMustNameEachColumnOnce() {
        assertThat(failure("model.probe.unnamed")).startsWith("column 1 has no name, and BigQuery creates no table "
                + "or view with an unnamed column: give it an alias\ncolumns: [$col1 INT64]");
        assertThat(failure("model.probe.twice")).startsWith("column KIND appears twice");
    }

    @Test
    void aSourceWithoutTypesIsSkippedAndSoIsWhatReadsIt() {
        assertThat(skip("source.probe.raw.untyped")).isEqualTo("no data_type is declared for its columns, so the "
                + "models and tests that read it cannot be analyzed: declare the types in models/sources.yml");
        assertThat(skip("source.probe.raw.half_typed")).startsWith("no data_type is declared for [b] in "
                + "models/sources.yml");
        assertThat(skip("model.probe.from_untyped")).isEqualTo("not analyzed: it reads source raw.untyped "
                + "(models/sources.yml), which could not be analyzed");
    }

    @Test
    void anExcludedModelIsSkippedWhileZetaSqlRejectsItAndFailsOnceItAcceptsIt() {
        assertThat(skip("model.probe.excluded")).startsWith("excluded: written for DuckDB\nZetaSQL rejects "
                + "target/compiled/models/excluded.sql:\nQuery without FROM clause cannot have a WHERE clause");
        assertThat(failure("model.probe.excluded_but_fine")).isEqualTo("it is excluded (written for DuckDB), but "
                + "ZetaSQL accepts it now: take it off the exclusions");
    }
}
