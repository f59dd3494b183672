package dev.sfcrimestats.socrata;

import dev.sfcrimestats.SfProject;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code quarry ingest} on the SF project against the imitation: progress as text, and as JSON events with fields. */
class IngestProgressEndToEndTest {

    @TempDir
    Path dir;

    private FakeSocrata socrata;
    private SfProject project;

    @BeforeEach
    void start() throws Exception {
        socrata = FakeSocrata.start(FakeSocrata.SFPD_DATASET);
        socrata.putAll(SfpdRows.sample(25));
        project = SfProject.copyInto(Files.createDirectories(dir.resolve("project")));
        Path sources = project.root().resolve("models/staging/_sfpd__sources.yml");
        Files.writeString(sources, Files.readString(sources).replace("      key: row_id", "      key: row_id\n"
                + "      page_size: 10"));
        project.env("SFPD_SOCRATA_URL", socrata.baseUri().toString());
    }

    @AfterEach
    void stop() {
        socrata.close();
    }

    @Test
    void printsRowsPagesRateAndTimeLeftOnATerminal() {
        SfProject.Result result = project.run("ingest");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("Ingesting sfpd.incidents with the socrata loader")
                .contains("sfpd.incidents: backfill: 25 rows from 2018-01-01")
                .contains("sfpd.incidents: 10 of 25 rows (40%), 1 page, ")
                .contains("sfpd.incidents: 25 of 25 rows (100%), 3 pages, ")
                .contains("OK ingested 25 rows into sfpd.incidents: landed in data/landing/sfpd/incidents/ (batch ")
                .doesNotContain("incident_batches").doesNotContain("incidents_deleted");
    }

    @Test
    void emitsJsonEventsWithTheNumbersAsFields() throws Exception {
        SfProject.Result result = project.run("--log-format", "json", "ingest");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> paces = result.stdout().lines().map(line -> {
            try {
                return json.readTree(line);
            } catch (java.io.IOException notJson) {
                throw new AssertionError("not a JSON line: " + line, notJson);
            }
        }).filter(event -> event.has("rows")).toList();
        assertThat(paces).hasSize(3);
        JsonNode last = paces.get(2);
        assertThat(last.get("source").asText()).isEqualTo("sfpd.incidents");
        assertThat(last.get("rows").asLong()).isEqualTo(25);
        assertThat(last.get("pages").asLong()).isEqualTo(3);
        assertThat(last.get("total_rows").asLong()).isEqualTo(25);
        assertThat(last.get("rows_per_second").isNumber()).isTrue();
        assertThat(last.get("eta_seconds").asLong()).isZero();
        assertThat(last.get("severity").asText()).isEqualTo("INFO");
    }
}
