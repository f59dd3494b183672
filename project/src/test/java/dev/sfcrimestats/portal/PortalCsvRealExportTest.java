package dev.sfcrimestats.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The import of a real portal export: December 2018, 11,884 rows, with {@code (lat, lon)} points and no computed
 * regions. The file is read where it lies ({@code /work/shared/data}, found from the project directory, or
 * {@code $SFPD_PORTAL_EXPORT}) and never copied into the repository, so nothing of it appears here either: the checks
 * are the dataset's invariants, not its values.
 */
class PortalCsvRealExportTest {

    private static final String NAME = "sfpd_incidents_2018-12_portal_export.csv";
    private static final Pattern API_TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.000");
    private static final Set<String> POLICE_DISTRICTS = Set.of("Bayview", "Central", "Ingleside", "Mission",
            "Northern", "Park", "Richmond", "Southern", "Taraval", "Tenderloin", "Out of SF");

    /** The export, or an aborted (skipped) test saying where it was looked for. */
    private static Path export() {
        // Surefire runs in the module directory (project/); the shared data sits next to the repository.
        Path besideTheRepository = Path.of(System.getProperty("basedir", ""), "..", "..", "shared", "data", NAME);
        String fromEnvironment = System.getenv("SFPD_PORTAL_EXPORT");
        if (Files.isReadable(besideTheRepository)) {
            return besideTheRepository;
        }
        if (fromEnvironment != null && Files.isReadable(Path.of(fromEnvironment))) {
            return Path.of(fromEnvironment);
        }
        return abort("the real portal export is not here: neither " + besideTheRepository.toAbsolutePath().normalize()
                + " nor $SFPD_PORTAL_EXPORT (" + fromEnvironment + ") is a readable file");
    }

    @Test
    void importsEveryRowAsTheApiWouldGiveIt() throws Exception {
        Path export = export();
        List<String> problems = new ArrayList<>();
        Set<String> rowIds = new HashSet<>();
        Set<String> districts = new TreeSet<>();
        long[] withPoint = {0};

        PortalCsvResult result = new PortalCsvReader(IncidentFields.ALL).read(export, row -> {
            String rowId = row.get("row_id");
            check(problems, rowId != null && rowId.equals(row.get("incident_id") + row.get("incident_code")),
                    "row_id is not incident_id + incident_code", row);
            check(problems, rowIds.add(rowId), "row_id repeats", row);
            for (String field : List.of("incident_datetime", "incident_date", "report_datetime")) {
                check(problems, API_TIMESTAMP.matcher(row.get(field)).matches(), field + " is not ISO", row);
            }
            // incident_date is the midnight of incident_datetime's day, whose time is incident_time.
            check(problems, row.get("incident_date").equals(row.get("incident_datetime").substring(0, 10)
                    + "T00:00:00.000"), "incident_date is not the day of incident_datetime", row);
            check(problems, row.get("incident_datetime").substring(11, 16).equals(row.get("incident_time")),
                    "incident_time is not the time of incident_datetime", row);
            if (row.containsKey("point")) {
                withPoint[0]++;
                check(problems, row.get("point").equals("POINT (" + row.get("longitude") + " "
                        + row.get("latitude") + ")"), "point is not POINT (longitude latitude)", row);
            } else {
                check(problems, !row.containsKey("latitude") && !row.containsKey("longitude"),
                        "a row with coordinates has no point", row);
            }
            check(problems, !row.containsKey("filed_online") || row.get("filed_online").equals("true"),
                    "filed_online is neither true nor absent", row);
            check(problems, row.values().stream().noneMatch(String::isEmpty), "an empty value is not absent", row);
            districts.add(row.get("police_district"));
        });

        assertThat(result.rows()).isEqualTo(11_884);
        assertThat(result.unknownColumns()).isEmpty();
        assertThat(problems).isEmpty();
        assertThat(rowIds).hasSize(11_884);
        assertThat(POLICE_DISTRICTS).containsAll(districts);
        // Most rows are located (about 5% are not): guards against a run where no point was converted at all.
        assertThat(withPoint[0]).isGreaterThan(11_000);
    }

    /** Collects at most a few problems (with the row), so one broken conversion does not flood the report. */
    private static void check(List<String> problems, boolean ok, String problem, Map<String, String> row) {
        if (!ok && problems.size() < 5) {
            problems.add(problem + ": " + row);
        }
    }
}
