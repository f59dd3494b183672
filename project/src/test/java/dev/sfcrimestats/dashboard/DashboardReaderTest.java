package dev.sfcrimestats.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.QueryResult;
import dev.quarry.docs.SitePageException;
import dev.quarry.docs.SitePageRequest;
import dev.quarry.docs.SiteWarehouse;

/** The dashboard's data from the marts' query results: names shared by position, months without gaps, points. */
class DashboardReaderTest {

    /** Answers each of the reader's three queries with given rows, and records what it was asked. */
    private static final class FakeWarehouse implements SiteWarehouse {
        final List<String> asked = new ArrayList<>();
        List<List<Object>> summary = List.of();
        List<List<Object>> months = List.of();
        List<List<Object>> points = List.of();

        @Override
        public QueryResult query(String sql) {
            asked.add(sql);
            List<List<Object>> rows = sql.contains("min(incident_date)") ? summary
                    : sql.contains("extract(year") ? months : points;
            return new QueryResult(List.of(new ColumnInfo("c", "x")), rows, false);
        }
    }

    private static SitePageRequest request(SiteWarehouse warehouse) {
        return new SitePageRequest("dashboard", "SF Crime Stats", "", Path.of("unused"), Map.of(
                "mart_daily_incidents", "\"main_marts\".\"mart_daily_incidents\"",
                "mart_incident_points", "\"main_marts\".\"mart_incident_points\""), warehouse, Map.of(),
                Instant.parse("2026-11-28T12:00:00Z"));
    }

    @Test
    void monthsCategoriesAndNeighborhoodsBecomePositionsInSharedLists() throws Exception {
        FakeWarehouse warehouse = new FakeWarehouse();
        warehouse.summary = List.of(Arrays.asList(LocalDate.of(2024, 1, 3), LocalDate.of(2024, 4, 20),
                "synthetic demo data (not real incidents)", LocalDateTime.of(2024, 4, 21, 6, 30)));
        warehouse.months = List.of(
                Arrays.asList(2024L, 1L, "Assault", "violent", "Mission", new BigDecimal("5"), new BigDecimal("2")),
                Arrays.asList(2024L, 4L, "Larceny Theft", "property", null, new BigDecimal("7"), new BigDecimal("0")),
                Arrays.asList(2024L, 4L, "Assault", "violent", "Mission", new BigDecimal("1"), new BigDecimal("1")));
        warehouse.points = List.of(
                Arrays.asList(LocalDate.of(2024, 4, 1), 23L, "Larceny Theft", "Tenderloin", 37.7831, -122.4129),
                Arrays.asList("2024-04-03", 8L, "Assault", "Mission", 37.76, -122.42));

        DashboardData data = new DashboardReader().read(request(warehouse));

        assertThat(warehouse.asked).allSatisfy(sql -> assertThat(sql).contains("\"main_marts\"."));
        assertThat(data.title()).isEqualTo("SF Crime Stats");
        assertThat(data.summary()).isEqualTo(new DataSummary("synthetic demo data (not real incidents)", true,
                "2024-01-03", "2024-04-20", "2024-04-21T06:30", "2026-11-28T12:00:00Z"));
        assertThat(data.categories()).containsExactly("Assault", "Larceny Theft");
        assertThat(data.categoryGroups()).containsExactly("violent", "property");
        assertThat(data.neighborhoods()).containsExactly("Mission", "Unknown", "Tenderloin");
        MonthlyCube monthly = data.monthly();
        assertThat(monthly.months()).containsExactly("2024-01", "2024-02", "2024-03", "2024-04");
        assertThat(monthly.month()).containsExactly(0, 3, 3);
        assertThat(monthly.category()).containsExactly(0, 1, 0);
        assertThat(monthly.neighborhood()).containsExactly(0, 1, 0);
        assertThat(monthly.incidents()).containsExactly(5, 7, 1);
        assertThat(monthly.arrests()).containsExactly(2, 0, 1);
        IncidentPoints points = data.points();
        assertThat(points.firstDay()).isEqualTo("2024-04-01");
        assertThat(points.day()).containsExactly(0, 2);
        assertThat(points.hour()).containsExactly(23, 8);
        assertThat(points.category()).containsExactly(1, 0);
        assertThat(points.neighborhood()).containsExactly(2, 0);
        assertThat(points.latOrigin()).isEqualTo(37.76);
        assertThat(points.lonOrigin()).isEqualTo(-122.42);
        assertThat(points.latOrigin() + points.lat()[0] / (double) points.scale()).isCloseTo(37.7831, within());
        assertThat(points.lonOrigin() + points.lon()[1] / (double) points.scale()).isCloseTo(-122.42, within());
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.00006);
    }

    @Test
    void realDataIsNotLabelledSyntheticAndEmptyMartsGiveAnEmptyDashboard() throws Exception {
        FakeWarehouse warehouse = new FakeWarehouse();
        warehouse.summary = List.of(Arrays.asList(null, null, null, null));

        DashboardData empty = new DashboardReader().read(request(warehouse));

        assertThat(empty.summary().synthetic()).isFalse();
        assertThat(empty.summary().firstDate()).isNull();
        assertThat(empty.monthly().months()).isEmpty();
        assertThat(empty.points().firstDay()).isNull();
        assertThat(DataSummary.isSynthetic("DataSF: Police Department Incident Reports 2018 to present (wg3w-h783)"))
                .isFalse();
    }

    @Test
    void aMartTheEngineCannotReadIsNamedWithWhatToDo() {
        SiteWarehouse refusing = sql -> {
            throw new SitePageException("Catalog Error: Table with name mart_daily_incidents does not exist!");
        };

        assertThatThrownBy(() -> new DashboardReader().read(request(refusing)))
                .isInstanceOf(SitePageException.class)
                .hasMessage("cannot read mart_daily_incidents (Catalog Error: Table with name mart_daily_incidents "
                        + "does not exist!); build it first: quarry build");
    }
}
