package dev.sfcrimestats.socrata;

import dev.sfcrimestats.SfProject;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SF project end to end on real data: {@code quarry ingest --from-file} the December 2018 portal export, then
 * {@code quarry build}; the marts must agree with figures computed here straight from the CSV.
 */
class SfBuildEndToEndIT {

    private static final Path EXPORT = SfProject.REPOSITORY.resolve(
            "../shared/data/sfpd_incidents_2018-12_portal_export.csv").normalize();

    @TempDir
    Path dir;

    @Test
    void theMartsAgreeWithTheExportCountedIndependently() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(EXPORT), "the real export is not at " + EXPORT
                + " (../shared/data is absent on this machine)");
        SfProject project = SfProject.copyInto(Files.createDirectories(dir.resolve("project")));

        SfProject.Result ingest = project.run("ingest", "--from-file", EXPORT.toString());
        SfProject.Result build = project.run("build");

        assertThat(ingest.exitCode()).as(ingest.stderr()).isZero();
        assertThat(build.exitCode()).as(build.stdout() + build.stderr()).isZero();
        assertThat(build.stdout()).doesNotContain("demo_sfpd__incidents").contains("ERROR=0");
        Expected expected = Expected.from(EXPORT);
        try (Connection warehouse = DriverManager.getConnection("jdbc:duckdb:" + project.root().resolve(
                "target/warehouse.duckdb")); Statement sql = warehouse.createStatement()) {
            assertThat(single(sql, "select count(*) from main_core.fct_incident_reports")).isEqualTo(expected.rows);
            assertThat(single(sql, "select count(distinct incident_id) from main_core.fct_incident_reports"))
                    .isEqualTo((long) expected.incidents.size());
            assertThat(text(sql, "select group_value from main_marts.mart_resolution_rates where grouped_by = "
                    + "'incident_category' order by incidents desc limit 1")).isEqualTo(expected.topCategory());
            assertThat(counts(sql, "select group_value, incidents from main_marts.mart_resolution_rates where "
                    + "grouped_by = 'police_district'")).isEqualTo(expected.incidentsPerDistrict());
            assertThat(single(sql, "select sum(report_rows) from main_marts.mart_daily_incidents"))
                    .isEqualTo(expected.rows);
            assertThat(text(sql, "select distinct data_source from main_marts.mart_top_locations"))
                    .startsWith("DataSF");
            assertThat(single(sql, "select count(*) from main_marts.mart_incident_points"))
                    .isEqualTo((long) expected.locatedIncidents.size());
        }
    }

    /** The figures, counted from the CSV with no SQL. */
    private static final class Expected {
        long rows;
        final Set<String> incidents = new HashSet<>();
        final Set<String> locatedIncidents = new HashSet<>();
        final Map<String, Set<String>> incidentsByCategory = new HashMap<>();
        final Map<String, Set<String>> incidentsByDistrict = new HashMap<>();

        static Expected from(Path csv) throws Exception {
            Expected expected = new Expected();
            try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader)) {
                    String incident = row.get("Incident ID");
                    expected.rows++;
                    expected.incidents.add(incident);
                    if (!row.get("Latitude").isEmpty()) {
                        expected.locatedIncidents.add(incident);
                    }
                    expected.incidentsByCategory.computeIfAbsent(row.get("Incident Category"), key -> new HashSet<>())
                            .add(incident);
                    expected.incidentsByDistrict.computeIfAbsent(row.get("Police District"), key -> new HashSet<>())
                            .add(incident);
                }
            }
            return expected;
        }

        String topCategory() {
            return incidentsByCategory.entrySet().stream().max(Map.Entry.comparingByValue((a, b) -> a.size()
                    - b.size())).orElseThrow().getKey();
        }

        Map<String, Long> incidentsPerDistrict() {
            Map<String, Long> counts = new TreeMap<>();
            incidentsByDistrict.forEach((district, ids) -> counts.put(district, (long) ids.size()));
            return counts;
        }
    }

    private static long single(Statement sql, String query) throws Exception {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String text(Statement sql, String query) throws Exception {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }

    private static Map<String, Long> counts(Statement sql, String query) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                counts.put(result.getString(1), result.getLong(2));
            }
        }
        return counts;
    }
}
