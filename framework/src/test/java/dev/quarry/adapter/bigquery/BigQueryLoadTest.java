package dev.quarry.adapter.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.bigquery.FakeBigQuery.Column;
import dev.quarry.template.Relation;

/** Seeds loaded with a load job through the resumable upload, never with INSERTs. */
class BigQueryLoadTest {

    private static final List<ColumnInfo> TYPED = List.of(new ColumnInfo("id", "INT64"),
            new ColumnInfo("amount", "FLOAT64"), new ColumnInfo("price", "NUMERIC"), new ColumnInfo("ok", "BOOL"),
            new ColumnInfo("event_day", "DATE"), new ColumnInfo("event_at", "DATETIME"),
            new ColumnInfo("name", "STRING"));

    private FakeBigQuery fake;
    private BigQueryAdapter adapter;
    private BigQuerySession session;

    @BeforeEach
    void open() throws Exception {
        fake = new FakeBigQuery();
        fake.table("analytics", "typed", "TABLE", Column.of("id", "INTEGER"), Column.of("amount", "FLOAT"),
                Column.of("price", "NUMERIC"), Column.of("ok", "BOOLEAN"), Column.of("event_day", "DATE"),
                Column.of("event_at", "DATETIME"), Column.of("name", "STRING"));
        adapter = BigQueryTesting.open(fake);
        adapter.invocationId("run-1");
        session = adapter.openSession();
        session.currentNode("seed.shop.typed");
    }

    @AfterEach
    void close() {
        session.close();
        adapter.close();
        fake.close();
    }

    @Test
    void appendsRowsOfEveryTypeWithOneLoadJobOfNewlineDelimitedJson() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {1L, 2.5, new BigDecimal("3.10"), true, LocalDate.of(2024, 2, 29),
                LocalDateTime.of(2024, 2, 29, 13, 45, 1), "Mission \"district\"\n"});
        rows.add(new Object[] {2L, null, null, null, null, null, null});

        long loaded = session.appendRows(typed(), TYPED, rows.iterator());

        assertThat(loaded).isEqualTo(2);
        List<String> uploaded = fake.loadedLines("analytics", "typed");
        assertThat(uploaded.get(0)).isEqualTo("{\"id\":1,\"amount\":2.5,\"price\":3.10,\"ok\":true,"
                + "\"event_day\":\"2024-02-29\",\"event_at\":\"2024-02-29 13:45:01.000000\","
                + "\"name\":\"Mission \\\"district\\\"\\n\"}");
        assertThat(uploaded.get(1)).isEqualTo("{\"id\":2,\"amount\":null,\"price\":null,\"ok\":null,"
                + "\"event_day\":null,\"event_at\":null,\"name\":null}");
        JsonNode job = fake.requests("upload.start").get(0).json();
        assertThat(job.at("/jobReference/location").asText()).isEqualTo("EU");
        JsonNode load = job.at("/configuration/load");
        assertThat(load.at("/destinationTable/projectId").asText()).isEqualTo(FakeBigQuery.PROJECT);
        assertThat(load.at("/destinationTable/datasetId").asText()).isEqualTo("analytics");
        assertThat(load.at("/destinationTable/tableId").asText()).isEqualTo("typed");
        assertThat(load.get("sourceFormat").asText()).isEqualTo("NEWLINE_DELIMITED_JSON");
        assertThat(load.get("writeDisposition").asText()).isEqualTo("WRITE_APPEND");
        assertThat(load.get("createDisposition").asText()).isEqualTo("CREATE_NEVER");
        assertThat(job.at("/configuration/labels")).hasToString("{\"quarry_invocation_id\":\"run-1\","
                + "\"quarry_node\":\"seed_shop_typed\"}");
        assertThat(fake.calls("jobs.insert")).as("no INSERT statements").isZero();
        CompletedJob last = session.lastJob().orElseThrow();
        assertThat(last.statementType()).isEqualTo("LOAD");
        assertThat(last.rows()).isEqualTo(2);
    }

    @Test
    void appendsManyRowsInSeveralUploadChunks() {
        fake.table("analytics", "numbers", "TABLE", Column.of("n", "INTEGER"), Column.of("label", "STRING"));
        String padding = String.join("", Collections.nCopies(40, "x"));
        var rows = LongStream.range(0, 60_000).mapToObj(n -> new Object[] {n, padding + n}).iterator();

        long loaded = session.appendRows(new Relation(null, "analytics", "numbers", "`analytics`.`numbers`"),
                List.of(new ColumnInfo("n", "INT64"), new ColumnInfo("label", "STRING")), rows);

        assertThat(loaded).isEqualTo(60_000);
        assertThat(fake.uploadedBytes()).isGreaterThan(3_000_000);
        assertThat(fake.calls("upload.put")).as("chunks of the resumable upload").isGreaterThan(1);
        List<JsonNode> uploaded = fake.loadedRows("analytics", "numbers");
        assertThat(uploaded).hasSize(60_000);
        assertThat(uploaded.stream().mapToLong(row -> row.get("n").asLong()).sum()).isEqualTo(1_799_970_000L);
    }

    @Test
    void noRowsLoadNothing() {
        assertThat(session.appendRows(typed(), TYPED, Collections.emptyIterator())).isZero();
        assertThat(fake.calls("upload.start")).isZero();
    }

    @Test
    void aLoadJobThatFailsTransientlyIsUploadedAgainAsANewJob() {
        fake.failNextLoad("backendError", "Error encountered during execution. Retrying may solve the problem.");

        long loaded = session.appendRows(typed(), TYPED, List.<Object[]>of(new Object[] {1L, null, null, null, null,
                null, "a"}).iterator());

        assertThat(loaded).isEqualTo(1);
        assertThat(fake.requests("upload.start")).extracting(request -> request.json().at("/jobReference/jobId")
                .asText()).doesNotHaveDuplicates().hasSize(2);
        assertThat(fake.loadedRows("analytics", "typed")).hasSize(1);
    }

    @Test
    void aLoadJobThatFailsNamesTheJobAndBigQuerysMessage() {
        fake.failNextLoad("invalid", "Error while reading data, error message: JSON parsing error in row starting "
                + "at position 0: Could not convert value 'string_value: \"x\"' to integer. Field: id");

        assertThatThrownBy(() -> session.appendRows(typed(), TYPED, List.<Object[]>of(new Object[] {1L, null, null,
                null, null, null, "a"}).iterator())).isInstanceOf(EngineException.class)
                .hasMessageMatching("BigQuery job quarry_\\w+ in EU failed: Error while reading data, error "
                        + "message: JSON parsing error in row starting at position 0: .*");
    }

    private static Relation typed() {
        return new Relation(null, "analytics", "typed", "`analytics`.`typed`");
    }
}
