package dev.sfcrimestats.socrata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The fixture rows {@link FakeSocrata} serves look like the SFPD dataset's. */
class FakeSocrataSfpdRowsTest {

    private static final int COUNT = 20_000;
    private static final List<Map<String, Object>> ROWS = SfpdRows.sample(COUNT);
    private static final List<String> LOCATION = List.of("intersection", "cnn", "analysis_neighborhood",
            "supervisor_district", "supervisor_district_2012", "latitude", "longitude", "point");
    private static final Set<String> DISTRICTS = Set.of("Bayview", "Central", "Ingleside", "Mission", "Northern",
            "Park", "Richmond", "Southern", "Taraval", "Tenderloin", "Out of SF");
    private static final Set<String> RESOLUTIONS = Set.of("Open or Active", "Cite or Arrest Adult",
            "Cite or Arrest Juvenile", "Unfounded", "Exceptional Adult", "Exceptional Juvenile");
    private static final Set<String> REPORT_TYPES = Set.of("II Initial", "II Coplogic Initial",
            "IS Initial Supplement", "IS Coplogic Supplement", "VI Vehicle Initial", "VS Vehicle Supplement");

    @Test
    void theSameIndexGivesTheSameRow() {
        SfpdRows rows = new SfpdRows(COUNT);

        assertThat(rows.row(12_345)).isEqualTo(new SfpdRows(COUNT).row(12_345)).isEqualTo(ROWS.get(12_345));
        assertThat(rows.row(12_345)).isNotEqualTo(rows.row(12_346));
    }

    @Test
    void everyColumnAppearsAndValuesHaveTheirJsonForms() {
        Set<String> fields = new HashSet<>();
        ROWS.forEach(row -> fields.addAll(row.keySet()));

        assertThat(fields).containsExactlyInAnyOrderElementsOf(Schema.sfpd().fields());
        for (Map<String, Object> row : ROWS) {
            row.forEach((field, value) -> {
                if (field.equals("filed_online")) {
                    assertThat(value).isEqualTo(Boolean.TRUE);
                } else if (field.equals("point")) {
                    assertThat(value).isEqualTo(Map.of("type", "Point", "coordinates", List.of(
                            Double.parseDouble((String) row.get("longitude")),
                            Double.parseDouble((String) row.get("latitude")))));
                } else {
                    assertThat(value).isInstanceOf(String.class);
                }
            });
        }
    }

    @Test
    void timesAreConsistentAndSpreadOverTheDatasetsYears() {
        for (Map<String, Object> row : ROWS) {
            String incident = (String) row.get("incident_datetime");
            LocalDateTime happened = LocalDateTime.parse(incident);
            assertThat(incident).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:00\\.000");
            assertThat(row.get("incident_date")).isEqualTo(incident.substring(0, 10) + "T00:00:00.000");
            assertThat(row.get("incident_time")).isEqualTo(incident.substring(11, 16));
            assertThat(row.get("incident_year")).isEqualTo(incident.substring(0, 4));
            assertThat(row.get("incident_day_of_week")).isEqualTo(
                    happened.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US));
            assertThat((String) row.get("report_datetime")).isGreaterThanOrEqualTo(incident);
            assertThat(happened).isAfterOrEqualTo(SfpdRows.FIRST);
        }
        assertThat((String) ROWS.get(0).get("report_datetime")).startsWith("2018-01");
        assertThat((String) ROWS.get(COUNT - 1).get("report_datetime")).startsWith("2026-11");
        assertThat(ROWS.stream().map(row -> row.get("incident_year")).distinct())
                .containsExactlyInAnyOrder("2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026");
    }

    @Test
    void incidentsHaveOneToThreeRowsWithDistinctCodes() {
        Map<Object, List<Map<String, Object>>> incidents = ROWS.stream().collect(
                Collectors.groupingBy(row -> row.get("incident_id"), LinkedHashMap::new, Collectors.toList()));
        Map<Integer, Long> sizes = incidents.values().stream().collect(
                Collectors.groupingBy(List::size, Collectors.counting()));

        assertThat(ROWS.stream().map(row -> row.get("row_id")).distinct()).hasSize(COUNT);
        assertThat(sizes.keySet()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(sizes.get(1)).isGreaterThan(sizes.get(2) + sizes.get(3));
        for (List<Map<String, Object>> rows : incidents.values()) {
            Map<String, Object> first = rows.get(0);
            assertThat(rows).extracting(row -> row.get("incident_datetime"), row -> row.get("incident_number"),
                    row -> row.get("report_type_code")).containsOnly(tuple(first.get("incident_datetime"),
                            first.get("incident_number"), first.get("report_type_code")));
        }
        // An incident's rows are adjacent, as the dataset publishes them together.
        assertThat(ROWS).extracting(row -> Long.parseLong((String) row.get("incident_id"))).isSorted();
        for (Map<String, Object> row : ROWS) {
            assertThat((String) row.get("incident_code")).matches("\\d{5}");
            assertThat(row.get("row_id")).isEqualTo(row.get("incident_id") + (String) row.get("incident_code"));
            assertThat((String) row.get("incident_number")).matches("\\d{9}");
        }
    }

    @Test
    void valueSetsAndShares() {
        long unlocated = 0;
        long withoutCad = 0;
        long withRegion = 0;
        for (Map<String, Object> row : ROWS) {
            assertThat(RESOLUTIONS).contains((String) row.get("resolution"));
            assertThat(DISTRICTS).contains((String) row.get("police_district"));
            String type = row.get("report_type_code") + " " + row.get("report_type_description");
            assertThat(REPORT_TYPES).contains(type);
            boolean coplogic = type.contains("Coplogic");
            assertThat(row.containsKey("filed_online")).isEqualTo(coplogic);
            if (coplogic) {
                assertThat(row).doesNotContainKey("cad_number");
            }
            boolean located = row.containsKey("latitude");
            assertThat(LOCATION).allSatisfy(field -> assertThat(row.containsKey(field)).isEqualTo(located));
            if (located) {
                assertThat((String) row.get("intersection")).matches("[0-9A-Z ]+ \\\\ [0-9A-Z ]+");
                assertThat(Double.parseDouble((String) row.get("latitude"))).isBetween(37.70, 37.83);
            }
            unlocated += located ? 0 : 1;
            withoutCad += row.containsKey("cad_number") ? 0 : 1;
            withRegion += row.containsKey(SfpdRows.NEIGHBORHOOD_REGION) ? 1 : 0;
            assertThat(!located && row.containsKey(SfpdRows.NEIGHBORHOOD_REGION)).isFalse();
        }
        assertThat(unlocated).isBetween(COUNT * 3L / 100, COUNT * 7L / 100);
        assertThat(withoutCad).isBetween(COUNT * 15L / 100, COUNT * 25L / 100);
        assertThat(withRegion).isBetween(COUNT / 2L, COUNT * 9L / 10);
    }
}
