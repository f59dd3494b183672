package dev.sfcrimestats.socrata;

import dev.sfcrimestats.SfProject;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sfcrimestats.landing.LandingLayout;
import dev.sfcrimestats.landing.LocalLandingZone;

/** {@code quarry ingest --from-file} on the SF project: a portal export lands as typed Parquet in one import batch. */
class PortalImportEndToEndTest {

    private static final Path EXPORT = SfProject.REPOSITORY.resolve(
            "../shared/data/sfpd_incidents_2018-12_portal_export.csv").normalize();

    @TempDir
    Path dir;

    private LandedRows landed(Path landing) {
        return new LandedRows(new LocalLandingZone(landing, "landing"), new LandingLayout("sfpd", "incidents"),
                dir.resolve("scratch"));
    }

    /** A portal export of the given number of valid rows (incident code 03074, one a row), with a few columns. */
    private static StringBuilder smallExport(int rows) {
        StringBuilder csv = new StringBuilder("Row ID,Incident ID,Incident Code,Incident Datetime,Police District\n");
        for (int row = 1; row <= rows; row++) {
            csv.append(row).append("03074,").append(row).append(",03074,2018/12/01 12:25:00 AM,Mission\n");
        }
        return csv;
    }

    @Test
    void theRealDecember2018ExportLandsEveryRowTyped() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(EXPORT), "the real export is not at " + EXPORT
                + " (../shared/data is absent on this machine)");
        SfProject project = SfProject.copyInto(Files.createDirectories(dir.resolve("project")));

        SfProject.Result result = project.run("ingest", "-s", "source:sfpd", "--from-file", EXPORT.toString());

        assertThat(result.exitCode()).as(result.stderr() + result.stdout()).isZero();
        assertThat(result.stdout()).contains("OK ingested 11,884 rows into sfpd.incidents: imported "
                + "sfpd_incidents_2018-12_portal_export.csv into data/landing/sfpd/incidents/");
        Path landing = project.root().resolve("data/landing");
        List<Map<String, Object>> summary = landed(landing).query("count(*) AS row_count, count(DISTINCT row_id) "
                + "AS row_ids, count(DISTINCT incident_id) AS incidents, min(incident_date) AS first_day, "
                + "max(incident_date) AS last_day, count(*) FILTER (WHERE row_id = incident_id || incident_code) "
                + "AS keyed, count(latitude) AS located, count(*) FILTER (WHERE point = 'POINT (' || longitude || ' ' "
                + "|| latitude || ')') AS points, count(*) FILTER (WHERE filed_online) AS online, "
                + "count(DISTINCT police_district) AS districts, typeof(any_value(incident_datetime)) AS ts_type, "
                + "typeof(any_value(supervisor_district)) AS district_type, count(_source_updated_at) AS updated",
                "import");

        Map<String, Object> row = summary.get(0);
        assertThat(row.get("row_count")).isEqualTo(11_884L);
        assertThat(row.get("row_ids")).isEqualTo(11_884L);
        assertThat(row.get("keyed")).isEqualTo(11_884L);
        assertThat((Long) row.get("incidents")).isBetween(8_000L, 11_884L);
        assertThat(row.get("first_day").toString()).isEqualTo("2018-12-01");
        assertThat(row.get("last_day").toString()).isEqualTo("2018-12-31");
        assertThat(row.get("points")).isEqualTo(row.get("located"));
        assertThat((Long) row.get("located")).isGreaterThan(11_000L);
        assertThat((Long) row.get("online")).isPositive();
        assertThat((Long) row.get("districts")).isBetween(10L, 11L);
        assertThat(row.get("ts_type")).isEqualTo("TIMESTAMP");
        assertThat(row.get("district_type")).isEqualTo("BIGINT");
        assertThat(row.get("updated")).as("an export has no :updated_at").isEqualTo(0L);

        Map<String, Object> first = landed(landing).query("strftime(incident_datetime, '%Y-%m-%d %H:%M') AS "
                + "incident_datetime, CAST(incident_date AS VARCHAR) AS incident_date, strftime(report_datetime, "
                + "'%Y-%m-%d %H:%M') AS report_datetime, incident_code, resolution, intersection", "import").stream()
                .filter(candidate -> "03074".equals(candidate.get("incident_code"))
                        && "2018-12-01 00:25".equals(candidate.get("incident_datetime")))
                .findFirst().orElseThrow();
        assertThat(first).containsEntry("incident_date", "2018-12-01")
                .containsEntry("report_datetime", "2018-12-01 00:28");
        assertThat(first).containsEntry("resolution", "Cite or Arrest Adult")
                .containsEntry("intersection", "BOSWORTH ST \\ DIAMOND ST");
    }

    @Test
    void theSameFileImportedAgainLandsNothingAndSaysWhen() throws Exception {
        SfProject project = SfProject.copyInto(Files.createDirectories(dir.resolve("project")));
        StringBuilder csv = smallExport(3);
        Path file = Files.writeString(dir.resolve("export.csv"), csv);

        SfProject.Result first = project.run("ingest", "-s", "source:sfpd", "--from-file", file.toString());
        SfProject.Result again = project.run("ingest", "-s", "source:sfpd", "--from-file", file.toString());
        Files.writeString(file, csv.append("403074,4,03074,2018/12/02 01:00:00 AM,Park\n"));
        SfProject.Result changed = project.run("ingest", "-s", "source:sfpd", "--from-file", file.toString());

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        assertThat(again.stdout()).containsPattern("export\\.csv was imported already \\(batch [^,]+, 3 rows\\): "
                + "nothing landed");
        assertThat(changed.exitCode()).as(changed.stderr()).isZero();
        assertThat(changed.stdout()).contains("imported export.csv into");
        LandedRows landed = landed(project.root().resolve("data/landing"));
        assertThat(landed.query("count(*) AS row_count", "import")).containsExactly(Map.of("row_count", 7L));
    }

    @Test
    void aFileWithTheWrongHeaderLandsNothingAndSaysWhy() throws Exception {
        SfProject project = SfProject.copyInto(Files.createDirectories(dir.resolve("project")));
        Path csv = Files.writeString(dir.resolve("orders.csv"), "order_id,amount\n1,2.50\n");

        SfProject.Result result = project.run("ingest", "-s", "source:sfpd", "--from-file", csv.toString());

        assertThat(result.exitCode()).isOne();
        assertThat(result.stderr())
                .contains("Failure ingesting sfpd.incidents (models/staging/_sfpd__sources.yml:28:9)")
                .contains("orders.csv: line 1: ").contains("Row ID").contains("Nothing of the file was landed.");
        assertThat(landed(project.root().resolve("data/landing")).query("count(*)", "import")).isEmpty();
        try (var files = Files.walk(project.root().resolve("data/landing"))) {
            assertThat(files.filter(file -> file.toString().endsWith(".parquet"))).isEmpty();
        }
    }

    @Test
    void aBadValueHalfWayDeletesThePartsAlreadyStored() throws Exception {
        SfProject project = SfProject.copyInto(Files.createDirectories(dir.resolve("project")));
        StringBuilder csv = smallExport(5);
        csv.append("603074,6,03074,yesterday,Mission\n");
        Path file = Files.writeString(dir.resolve("export.csv"), csv);
        Files.writeString(project.root().resolve("models/staging/_sfpd__sources.yml"), Files.readString(project
                .root().resolve("models/staging/_sfpd__sources.yml")).replace("key: row_id", "key: row_id\n      "
                        + "page_size: 2"));

        SfProject.Result result = project.run("ingest", "-s", "source:sfpd", "--from-file", file.toString());

        assertThat(result.exitCode()).isOne();
        assertThat(result.stderr()).contains("export.csv: line 7: ").contains("yesterday");
        try (var files = Files.walk(project.root().resolve("data/landing"))) {
            assertThat(files.filter(path -> path.toString().endsWith(".parquet") || path.toString()
                    .endsWith(".json"))).isEmpty();
        }
    }
}
