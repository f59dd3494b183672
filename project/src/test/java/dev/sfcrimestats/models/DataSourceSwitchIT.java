package dev.sfcrimestats.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sfcrimestats.SfProject;

/**
 * The SF project's incremental models when their data source changes: a build on the synthetic demo data, then
 * {@code quarry ingest} of a portal export, then a plain {@code quarry build} (no {@code --full-refresh}) must leave
 * every incremental model as a full refresh on the landed rows would; and so must switching back to the demo data
 * with {@code sfpd_data: demo}. The export names some of the demo's places, so that the places dimension holds places
 * of both sources when the switch comes.
 */
class DataSourceSwitchIT {

    /** The incremental models, each read whole in a fixed order. */
    private static final Map<String, String> INCREMENTAL_MODELS = Map.of(
            "stg_sfpd__incidents", "select * from main_staging.stg_sfpd__incidents order by all",
            "fct_incident_reports", "select * from main_core.fct_incident_reports order by all",
            "dim_location", "select * from main_core.dim_location order by all",
            "mart_daily_incidents", "select * from main_marts.mart_daily_incidents order by all");

    /** A small demo dataset: a few thousand rows once stopped DuckDB with an internal error in the demo model. */
    private static final String DEMO = "{demo_rows: 3000}";

    @TempDir
    Path dir;

    @Test
    void aBuildAfterTheDataSourceChangedGivesWhatAFullRefreshGives() throws IOException {
        SfProject project = SfProject.copyInto(Files.createDirectories(dir.resolve("project")));
        build(project, "--vars", DEMO);
        List<List<String>> demoPlaces = project.query("select intersection, cnn, analysis_neighborhood, "
                + "police_district, supervisor_district from main_core.dim_location where intersection is not null "
                + "and supervisor_district is not null order by location_key limit 3");
        assertThat(demoPlaces).hasSize(3);
        Path export = writeExport(dir.resolve("export.csv"), demoPlaces);
        SfProject.Result ingest = project.run("ingest", "--from-file", export.toString());
        assertThat(ingest.exitCode()).as(ingest.stdout() + ingest.stderr()).isZero();

        build(project);

        assertThat(project.query("select is_synthetic, count(*) from main_staging.stg_sfpd__incidents group by 1"))
                .containsExactly(List.of("false", "40"));
        assertThat(project.query("select is_synthetic, count(*) from main_core.fct_incident_reports group by 1"))
                .containsExactly(List.of("false", "40"));
        assertThat(project.query("select count(*) from main_core.dim_location where location_key <> -1"))
                .containsExactly(List.of("4"));
        assertThat(project.query("select data_source, sum(report_rows) from main_marts.mart_daily_incidents "
                + "group by 1")).containsExactly(List.of(
                "DataSF: Police Department Incident Reports 2018 to present (wg3w-h783)", "40"));
        Map<String, List<List<String>>> afterSwitch = incrementalModels(project);
        build(project);
        assertThat(incrementalModels(project)).as("an incremental build with nothing new").isEqualTo(afterSwitch);
        build(project, "--full-refresh");
        assertThat(incrementalModels(project)).isEqualTo(afterSwitch);

        build(project, "--vars", "{sfpd_data: demo, demo_rows: 3000}");

        assertThat(project.query("select is_synthetic, count(*) from main_staging.stg_sfpd__incidents group by 1"))
                .containsExactly(List.of("true", "3000"));
        Map<String, List<List<String>>> backToDemo = incrementalModels(project);
        build(project, "--full-refresh", "--vars", "{sfpd_data: demo, demo_rows: 3000}");
        assertThat(incrementalModels(project)).isEqualTo(backToDemo);
    }

    private static void build(SfProject project, String... arguments) {
        String[] all = new String[arguments.length + 2];
        all[0] = "build";
        all[1] = "--no-docs";
        System.arraycopy(arguments, 0, all, 2, arguments.length);
        SfProject.Result build = project.run(all);
        assertThat(build.exitCode()).as(build.stdout() + build.stderr()).isZero();
        assertThat(build.stdout()).contains("ERROR=0");
    }

    private static Map<String, List<List<String>>> incrementalModels(SfProject project) {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        INCREMENTAL_MODELS.forEach((model, query) -> tables.put(model, project.query(query)));
        tables.values().forEach(rows -> assertThat(rows).isNotEmpty());
        return tables;
    }

    /**
     * A portal export of 40 report rows in December 2018: 30 at the three demo places given (intersection, cnn,
     * neighborhood, police district, supervisor district), 10 at a place of its own.
     */
    private static Path writeExport(Path file, List<List<String>> demoPlaces) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            csv.printRecord("Incident Datetime", "Incident Date", "Row ID", "Incident ID", "Incident Code",
                    "Incident Category", "Resolution", "Intersection", "CNN", "Analysis Neighborhood",
                    "Police District", "Supervisor District");
            for (int row = 1; row <= 40; row++) {
                String day = String.format("2018/12/%02d", row % 28 + 1);
                List<String> place = row <= 30 ? demoPlaces.get(row % 3)
                        : List.of("MISSION ST \\ 24TH ST", "24616000", "Mission", "Mission", "9");
                csv.printRecord(day + " 12:25:00 AM", day, row + "03074", row, "03074", "Robbery", "Open or Active",
                        place.get(0), place.get(1), place.get(2), place.get(3), place.get(4));
            }
        }
        return file;
    }
}
