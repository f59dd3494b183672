package dev.sfcrimestats.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The conversions from a portal export to the JSON API's rows, on small made-up files (values invented). */
class PortalCsvReaderTest {

    @TempDir
    Path dir;

    private final PortalCsvReader reader = new PortalCsvReader(IncidentFields.ALL);

    @Test
    void mapsDisplayNamesToApiFieldNames() throws Exception {
        List<Map<String, String>> rows = read("""
                Row ID,Incident Day of Week,CAD Number,Supervisor District 2012,point,Filed Online,CNN,Incident Code
                10000106244,Tuesday,181230001,5,"(37.7, -122.4)",true,20000000,06244
                """);

        assertThat(rows).singleElement().satisfies(row -> assertThat(row).containsOnlyKeys("row_id",
                "incident_day_of_week", "cad_number", "supervisor_district_2012", "point", "filed_online", "cnn",
                "incident_code"));
    }

    @Test
    void mapsEveryDisplayNameOfTheDatasetIncludingTheComputedRegions() throws Exception {
        String header = String.join(",", IncidentFields.DISPLAY_NAMES.stream().map(name -> "\"" + name + "\"").toList());
        Map<String, String> row = read(header + "\n" + ",".repeat(6) + "10000106244" + ",".repeat(28) + "\n").get(0);

        assertThat(row).containsExactly(entry("row_id", "10000106244"));
        for (int i = 0; i < IncidentFields.ALL.size(); i++) {
            assertThat(PortalHeaders.apiName(IncidentFields.DISPLAY_NAMES.get(i))).isEqualTo(IncidentFields.ALL.get(i));
            // Messages about missing columns name them as the portal does.
            assertThat(PortalHeaders.displayName(IncidentFields.ALL.get(i)))
                    .isEqualToIgnoringCase(IncidentFields.DISPLAY_NAMES.get(i));
        }
        assertThat(PortalHeaders.displayName("incident_day_of_week")).isEqualTo("Incident Day of Week");
        assertThat(PortalHeaders.displayName("cad_number")).isEqualTo("CAD Number");
    }

    @Test
    void computedRegionsKeepTheirNumbers() throws Exception {
        Map<String, String> row = read("""
                Row ID,Neighborhoods,Current Police Districts,HSOC Zones as of 2018-06-05
                10000106244,19,4,
                """).get(0);

        assertThat(row).containsOnly(entry("row_id", "10000106244"), entry(":@computed_region_jwn9_ihcz", "19"),
                entry(":@computed_region_qgnn_b9vv", "4"));
    }

    @Test
    void takesApiFieldNamesAsHeadersToo() throws Exception {
        Map<String, String> row = read("""
                row_id,incident_date,:@computed_region_26cr_cadq
                10000106244,2018-12-03T00:00:00.000,7
                """).get(0);

        assertThat(row).containsOnly(entry("row_id", "10000106244"), entry("incident_date", "2018-12-03T00:00:00.000"),
                entry(":@computed_region_26cr_cadq", "7"));
    }

    @Test
    void reportsColumnsThatAreNotExpectedAndLeavesThemOut() throws Exception {
        Path file = write("""
                Row ID,Incident ID,Data As Of,Incident Code
                10000106244,100001,2025/01/01 10:00:00 AM,06244
                """);
        List<Map<String, String>> rows = new ArrayList<>();

        PortalCsvResult result = reader.read(file, row -> rows.add(new LinkedHashMap<>(row)));

        assertThat(result).isEqualTo(new PortalCsvResult(1, List.of("Data As Of")));
        assertThat(rows).singleElement().satisfies(row -> assertThat(row).containsOnlyKeys("row_id", "incident_id",
                "incident_code"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2018/12/01 12:25:00 AM  | 2018-12-01T00:25:00.000
            2018/12/01 12:05:00 PM  | 2018-12-01T12:05:00.000
            2018/12/01 01:50:00 PM  | 2018-12-01T13:50:00.000
            2018/12/31 11:59:59 pm  | 2018-12-31T23:59:59.000
            2018/12/01 09:07:00 AM  | 2018-12-01T09:07:00.000
            2018/12/01 9:07 AM      | 2018-12-01T09:07:00.000
            2018/12/01 21:07:00     | 2018-12-01T21:07:00.000
            2018/12/01              | 2018-12-01T00:00:00.000
            2018/2/3                | 2018-02-03T00:00:00.000
            2018-12-01T00:25:00.000 | 2018-12-01T00:25:00.000
            2018-12-01T00:25:00     | 2018-12-01T00:25:00.000
            2018-12-01T00:25:00.5   | 2018-12-01T00:25:00.500
            2018-12-01              | 2018-12-01T00:00:00.000
            """)
    void convertsTimestampsToTheApiForm(String cell, String api) throws Exception {
        Map<String, String> row = read("Row ID,Incident Datetime\n10000106244," + cell + "\n").get(0);

        assertThat(row).containsEntry("incident_datetime", api);
    }

    @Test
    void convertsEveryTimestampFieldButLeavesTextAlone() throws Exception {
        Map<String, String> row = read("""
                Row ID,Incident Date,Incident Time,Report Datetime,Incident Year,Resolution
                10000106244,2018/12/01,00:25,2018/12/02 03:04:05 PM,2018,2018/12/01
                """).get(0);

        // Only fields the API types as calendar_date are timestamps; a date-shaped text stays text.
        assertThat(row).containsOnly(entry("row_id", "10000106244"), entry("incident_date", "2018-12-01T00:00:00.000"),
                entry("incident_time", "00:25"), entry("report_datetime", "2018-12-02T15:04:05.000"),
                entry("incident_year", "2018"), entry("resolution", "2018/12/01"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            (37.73355, -122.43414)          | POINT (-122.43414 37.73355)
            ( 37.7 ,-122.4 )                | POINT (-122.4 37.7)
            POINT (-122.43414 37.73355)     | POINT (-122.43414 37.73355)
            point(-122.4   37.7)            | POINT (-122.4 37.7)
            (37.000000000000001, -122.0)    | POINT (-122.0 37.000000000000001)
            """)
    void convertsPointsToWktWithTheLongitudeFirst(String cell, String api) throws Exception {
        Map<String, String> row = read("Row ID,Point\n10000106244,\"" + cell + "\"\n").get(0);

        assertThat(row).containsEntry("point", api);
    }

    @ParameterizedTest
    @CsvSource({"true,true", "True,true", "TRUE,true", "Y,true", "Yes,true", "1,true",
            "false,false", "False,false", "N,false", "No,false", "0,false"})
    void convertsCheckboxes(String cell, String api) throws Exception {
        Map<String, String> row = read("Row ID,Filed Online\n10000106244," + cell + "\n").get(0);

        assertThat(row).containsEntry("filed_online", api);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            8             | 8
            37.7335503423 | 37.7335503423
            -122.434      | -122.434
            1,234         | 1234
            -1,234,567.5  | -1234567.5
            ' 11 '        | 11
            """)
    void keepsNumbersAsTextWithoutThousandsSeparators(String cell, String api) throws Exception {
        Map<String, String> row = read("Row ID,Supervisor District\n10000106244,\"" + cell + "\"\n").get(0);

        assertThat(row).containsEntry("supervisor_district", api);
    }

    @Test
    void keepsTextAsItIsAndLeavesEmptyCellsOut() throws Exception {
        Map<String, String> row = read("""
                Row ID,Incident Code,Incident Description,Intersection,CAD Number,Filed Online,Latitude,point,Incident Date
                10000106244,06244,"Theft, From Vehicle, ""Petty""\",MAIN ST \\ 1ST ST,,,,,
                """).get(0);

        assertThat(row).containsOnly(entry("row_id", "10000106244"), entry("incident_code", "06244"),
                entry("incident_description", "Theft, From Vehicle, \"Petty\""),
                entry("intersection", "MAIN ST \\ 1ST ST"));
    }

    @Test
    void skipsAByteOrderMark() throws Exception {
        Path file = dir.resolve("bom.csv");
        Files.write(file, ("\uFEFFRow ID,Incident ID\n10000106244,100001\n").getBytes(StandardCharsets.UTF_8));
        List<Map<String, String>> rows = new ArrayList<>();

        reader.read(file, row -> rows.add(new LinkedHashMap<>(row)));

        assertThat(rows).containsExactly(Map.of("row_id", "10000106244", "incident_id", "100001"));
    }

    @Test
    void streamsTheRowsThroughOneReusedMap() throws Exception {
        Path file = write("Row ID,Incident ID\r\n10000106244,100001\r\n\r\n10000206244,100002\r\n10000306244,\r\n");
        Set<Map<String, String>> maps = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Map<String, String>> seen = new ArrayList<>();

        PortalCsvResult result = reader.read(file, row -> {
            maps.add(row);
            seen.add(Map.copyOf(row));
        });

        assertThat(result.rows()).isEqualTo(3);
        assertThat(maps).hasSize(1);
        // The map is cleared between rows: the third row has no incident_id left over from the second.
        assertThat(seen).containsExactly(Map.of("row_id", "10000106244", "incident_id", "100001"),
                Map.of("row_id", "10000206244", "incident_id", "100002"), Map.of("row_id", "10000306244"));
    }

    private List<Map<String, String>> read(String csv) throws IOException, PortalCsvException {
        List<Map<String, String>> rows = new ArrayList<>();
        reader.read(write(csv), row -> rows.add(new LinkedHashMap<>(row)));
        return rows;
    }

    private Path write(String csv) throws IOException {
        return Files.writeString(dir.resolve("export.csv"), csv);
    }
}
