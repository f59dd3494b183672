package dev.quarry.adapter.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.QueryResult;
import dev.quarry.adapter.bigquery.FakeBigQuery.Answer;
import dev.quarry.adapter.bigquery.FakeBigQuery.Column;

/** Statements and queries as query jobs, against a loopback BigQuery API. */
class BigQuerySessionTest {

    private FakeBigQuery fake;
    private BigQueryAdapter adapter;
    private BigQuerySession session;

    @BeforeEach
    void open() throws Exception {
        fake = new FakeBigQuery();
        Map<String, Object> output = BigQueryTesting.output(fake);
        output.put("priority", "batch");
        output.put("maximum_bytes_billed", 1_000_000_000L);
        output.put("job_timeout_seconds", 600L);
        output.put("labels", Map.of("team", "Crime Stats"));
        adapter = BigQueryTesting.open(output);
        session = adapter.openSession();
    }

    @AfterEach
    void close() {
        session.close();
        adapter.close();
        fake.close();
    }

    @Test
    void aDryRunEstimatesTheBytesWithoutRunningOrBillingAnything() {
        fake.answer(sql -> Answer.rows(List.of(), List.of()));

        assertThat(session.estimateBytes("select * from `test-project`.`analytics`.`orders`")).hasValue(1024);

        JsonNode job = fake.requests("jobs.insert").get(0).json();
        assertThat(job.at("/configuration/dryRun").asBoolean()).isTrue();
        assertThat(session.usage()).containsEntry("jobs", 0L).containsEntry("bytes_billed", 0L);
    }

    @Test
    void aDryRunOfAQueryBigQueryRejectsIsAnEngineErrorWithItsMessage() {
        fake.answer(sql -> Answer.error("invalidQuery", "Unrecognized name: amout at [1:8]"));

        assertThatThrownBy(() -> session.estimateBytes("select amout from `test-project`.`analytics`.`orders`"))
                .isInstanceOf(dev.quarry.adapter.EngineException.class)
                .hasMessageContaining("Unrecognized name: amout at [1:8]");
    }

    @Test
    void usageCountsJobsAndTheLastResponseNamesTheLastJob() {
        fake.answer(sql -> Answer.dml(3));

        session.execute("delete from `test-project`.`analytics`.`orders` where true");

        assertThat(session.usage()).containsEntry("jobs", 1L).containsKeys("bytes_processed", "bytes_billed",
                "slot_ms", "cache_hits");
        assertThat(session.lastResponse()).containsKeys("job_id", "project_id", "location")
                .containsEntry("location", "EU");
    }

    @Test
    void aStatementIsAQueryJobInTheTargetsLocationWithTheProfilesJobSettingsAndLabels() {
        fake.answer(sql -> Answer.dml(3));
        adapter.invocationId("5F1B0C2E-aaaa-4bbb-8ccc-123456789012");
        session.currentNode("model.shop.fct_orders");

        long rows = session.execute("update `test-project`.`analytics`.`orders` set amount = 0 where true");

        assertThat(rows).isEqualTo(3);
        JsonNode job = fake.requests("jobs.insert").get(0).json();
        assertThat(job.at("/jobReference/location").asText()).isEqualTo("EU");
        assertThat(job.at("/jobReference/projectId").asText()).isEqualTo(FakeBigQuery.PROJECT);
        assertThat(job.at("/jobReference/jobId").asText()).matches("quarry_[0-9a-f]{32}");
        JsonNode query = job.at("/configuration/query");
        assertThat(query.get("query").asText())
                .isEqualTo("update `test-project`.`analytics`.`orders` set amount = 0 where true");
        assertThat(query.get("useLegacySql").asBoolean(true)).isFalse();
        assertThat(query.get("priority").asText()).isEqualTo("BATCH");
        assertThat(query.get("maximumBytesBilled").asText()).isEqualTo("1000000000");
        assertThat(job.at("/configuration/jobTimeoutMs").asText()).isEqualTo("600000");
        assertThat(job.at("/configuration/labels")).hasToString("{\"team\":\"crime_stats\","
                + "\"quarry_invocation_id\":\"5f1b0c2e-aaaa-4bbb-8ccc-123456789012\","
                + "\"quarry_node\":\"model_shop_fct_orders\"}");
    }

    @Test
    void queriesReturnTypedJavaValues() {
        Map<String, Object> struct = new java.util.LinkedHashMap<>();
        struct.put("a", "7");
        struct.put("b", "x");
        fake.answer(sql -> Answer.rows(List.of(Column.of("id", "INTEGER"), Column.of("amount", "FLOAT"),
                Column.of("price", "NUMERIC"), Column.of("big", "BIGNUMERIC"), Column.of("ok", "BOOLEAN"),
                Column.of("name", "STRING"), Column.of("day", "DATE"), Column.of("at", "DATETIME"),
                Column.of("stamp", "TIMESTAMP"), Column.repeated("tags", "STRING"),
                Column.of("pair", "RECORD<a:INTEGER,b:STRING>")), List.of(
                        List.of("1", "2.5", "3.10", "12345678901234567890.123", "true", "Mission", "2024-02-29",
                                "2024-02-29T13:45:01", "1.709214301123456E9", List.of("a", "b"), struct),
                        nulls(11))));

        QueryResult result = session.query("select * from t", 10);

        assertThat(result.columns()).extracting(ColumnInfo::dataType).containsExactly("INT64", "FLOAT64", "NUMERIC",
                "BIGNUMERIC", "BOOL", "STRING", "DATE", "DATETIME", "TIMESTAMP", "ARRAY<STRING>",
                "STRUCT<a INT64, b STRING>");
        assertThat(result.rows().get(0)).containsExactly(1L, 2.5, new BigDecimal("3.10"),
                new BigDecimal("12345678901234567890.123"), true, "Mission", LocalDate.of(2024, 2, 29),
                LocalDateTime.of(2024, 2, 29, 13, 45, 1), Instant.parse("2024-02-29T13:45:01.123456Z"),
                List.of("a", "b"), Map.of("a", 7L, "b", "x"));
        assertThat(result.rows().get(1)).containsOnlyNulls();
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void queriesFetchAtMostTheRowsAskedForAcrossPages() {
        List<List<Object>> rows = IntStream.range(0, 30).mapToObj(n -> List.<Object>of(Integer.toString(n))).toList();
        fake.answer(sql -> Answer.rows(List.of(Column.of("n", "INTEGER")), rows));

        QueryResult some = session.query("select n from numbers", 5);
        QueryResult all = session.query("select n from numbers", 100);

        assertThat(some.rows()).hasSize(5);
        assertThat(some.truncated()).isTrue();
        assertThat(all.rows()).hasSize(30);
        assertThat(all.truncated()).isFalse();
        assertThat(fake.requests("tabledata.list")).extracting(request -> request.query().get("maxResults"))
                .containsExactly("6", "101", null, null);
        assertThat(fake.requests("tabledata.list")).extracting(request -> request.query().get("pageToken"))
                .containsExactly(null, null, "10", "20");
    }

    @Test
    void aStatementWithoutResultsQueriesAsNoColumnsAndNoRows() {
        fake.answer(sql -> Answer.statement("CREATE_VIEW"));

        QueryResult result = session.query("create view v as select 1 as one", 10);

        assertThat(result.columns()).isEmpty();
        assertThat(result.rows()).isEmpty();
        assertThat(session.execute("create view v as select 1 as one")).isEqualTo(-1);
    }

    @Test
    void createTableAsSelectReportsTheNewTablesRows() {
        fake.answer(sql -> Answer.statement("CREATE_TABLE_AS_SELECT"));

        assertThat(session.execute("create or replace table t as select 1 as id")).isEqualTo(3);
    }

    @Test
    void eachJobsStatisticsAreKeptForRunResults() {
        fake.answer(sql -> sql.contains("cached") ? Answer.rows(List.of(Column.of("n", "INTEGER")), List.of())
                .fromCache() : Answer.rows(List.of(Column.of("n", "INTEGER")), List.of()));
        JobTotals before = session.totals();

        session.query("select 1", 1);
        session.query("select 1 -- cached", 1);

        CompletedJob last = session.lastJob().orElseThrow();
        assertThat(last.jobId()).isEqualTo(fake.requests("jobs.insert").get(1).json().at("/jobReference/jobId")
                .asText());
        assertThat(last.location()).isEqualTo("EU");
        assertThat(last.statementType()).isEqualTo("SELECT");
        assertThat(last.cacheHit()).isTrue();
        assertThat(last.bytesBilled()).isZero();
        JobTotals node = session.totals().minus(before);
        assertThat(node).isEqualTo(new JobTotals(2, 2048, 10_485_760, 42, 1));
        assertThat(last.adapterResponse()).containsEntry("job_id", last.jobId()).containsEntry("location", "EU")
                .containsEntry("project_id", FakeBigQuery.PROJECT).containsKeys("bytes_processed", "bytes_billed",
                        "slot_ms");
        assertThat(session.adapterResponse(before)).containsExactly(Map.entry("job_id", last.jobId()),
                Map.entry("project_id", FakeBigQuery.PROJECT), Map.entry("location", "EU"), Map.entry("jobs", 2L),
                Map.entry("bytes_processed", 2048L), Map.entry("bytes_billed", 10_485_760L), Map.entry("slot_ms", 42L),
                Map.entry("cache_hits", 1L));
        assertThat(session.adapterResponse(session.totals())).containsOnlyKeys("jobs", "bytes_processed",
                "bytes_billed", "slot_ms", "cache_hits");
        assertThat(session.engineNanos()).isPositive();
    }

    @Test
    void cancelStopsTheRunningJobAndTheSessionRunsNothingAfterIt() throws Exception {
        fake.answer(sql -> Answer.running());
        CompletableFuture<Long> running = CompletableFuture.supplyAsync(() -> session.execute("select slow()"));
        long waited = 0;
        while (fake.calls("jobs.getQueryResults") == 0 && waited++ < 500) {
            Thread.sleep(10);
        }

        session.cancel();

        assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(EngineException.class)
                .cause().hasMessageStartingWith("cancelled: the run was interrupted (BigQuery job quarry_")
                .hasMessageEndingWith(" in EU was cancelled)");
        String jobId = fake.requests("jobs.insert").get(0).json().at("/jobReference/jobId").asText();
        assertThat(fake.requests("jobs.cancel")).singleElement().satisfies(cancel -> {
            assertThat(cancel.path()).endsWith("/jobs/" + jobId + "/cancel");
            assertThat(cancel.query()).containsEntry("location", "EU");
        });
        assertThatThrownBy(() -> session.execute("select 1")).hasMessage("cancelled: the run was interrupted");
        assertThat(fake.calls("jobs.insert")).isEqualTo(1);
    }

    @Test
    void aJobThatOutlivesTheJobTimeoutIsCancelled() {
        Map<String, Object> output = BigQueryTesting.output(fake);
        output.put("job_timeout_seconds", 1L);
        fake.answer(sql -> Answer.running());
        try (BigQueryAdapter quick = BigQueryTesting.open(output); BigQuerySession waiting = quick.openSession()) {
            assertThatThrownBy(() -> waiting.execute("select slow()")).isInstanceOf(EngineException.class)
                    .hasMessageMatching("BigQuery job quarry_\\w+ in EU did not finish within job_timeout_seconds "
                            + "\\(1\\); Quarry cancelled it");
        }
        assertThat(fake.calls("jobs.cancel")).isEqualTo(1);
    }

    @Test
    void sessionsOfOneAdapterShareItsClient() {
        fake.answer(sql -> Answer.dml(1));
        List<Long> results = new ArrayList<>();
        try (BigQuerySession other = adapter.openSession()) {
            results.add(other.execute("delete from t where true"));
        }
        results.add(session.execute("delete from t where true"));

        assertThat(results).containsExactly(1L, 1L);
    }

    private static List<Object> nulls(int count) {
        List<Object> row = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            row.add(null);
        }
        return row;
    }
}
