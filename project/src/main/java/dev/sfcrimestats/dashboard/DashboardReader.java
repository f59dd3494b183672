package dev.sfcrimestats.dashboard;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.quarry.adapter.QueryResult;
import dev.quarry.docs.SitePageException;
import dev.quarry.docs.SitePageRequest;

/** Reads the dashboard's data from the two marts it is built from, with one query each for its three parts. */
final class DashboardReader {

    static final String DAILY = "mart_daily_incidents";
    static final String POINTS = "mart_incident_points";

    DashboardData read(SitePageRequest request) throws SitePageException {
        String daily = request.relation(DAILY);
        String points = request.relation(POINTS);
        Names categories = new Names();
        Names neighborhoods = new Names();
        DataSummary summary = summary(query(request, DAILY, """
                select min(incident_date) as first_date, max(incident_date) as last_date,
                    max(data_source) as data_source, max(changed_at) as last_changed_at
                from %s""".formatted(daily)), request);
        List<MonthlyCube.Row> months = monthRows(query(request, DAILY, """
                select
                    extract(year from incident_date) as incident_year,
                    extract(month from incident_date) as incident_month,
                    incident_category, crime_group, analysis_neighborhood,
                    sum(incidents) as incidents, sum(incidents_with_arrest) as incidents_with_arrest
                from %s
                group by 1, 2, 3, 4, 5
                order by 1, 2, 3, 5""".formatted(daily)));
        MonthlyCube monthly = MonthlyCube.of(months, categories, neighborhoods);
        IncidentPoints located = IncidentPoints.of(pointRows(query(request, POINTS, """
                select incident_date, hour_of_day, incident_category, analysis_neighborhood, latitude, longitude
                from %s
                where latitude is not null and longitude is not null
                order by incident_date, incident_id""".formatted(points))), categories, neighborhoods);
        return new DashboardData(request.label(), summary, categories.names(), crimeGroups(months, categories),
                neighborhoods.names(), monthly, located);
    }

    /** Each category's crime group, by category position (null for a category only the points know). */
    private static List<String> crimeGroups(List<MonthlyCube.Row> months, Names categories) {
        Map<String, String> groupOf = new HashMap<>();
        for (MonthlyCube.Row row : months) {
            if (row.crimeGroup() != null) {
                groupOf.putIfAbsent(Names.nameOf(row.category()), String.valueOf(row.crimeGroup()));
            }
        }
        List<String> groups = new ArrayList<>();
        categories.names().forEach(name -> groups.add(groupOf.get(name)));
        return groups;
    }

    private static QueryResult query(SitePageRequest request, String mart, String sql) throws SitePageException {
        try {
            return request.warehouse().query(sql);
        } catch (SitePageException failure) {
            throw new SitePageException("cannot read " + mart + " (" + failure.getMessage()
                    + "); build it first: quarry build", failure);
        }
    }

    private static DataSummary summary(QueryResult result, SitePageRequest request) {
        List<Object> row = result.rows().isEmpty() ? java.util.Arrays.asList(null, null, null, null)
                : result.rows().get(0);
        String dataSource = row.get(2) == null ? null : String.valueOf(row.get(2));
        return new DataSummary(dataSource, DataSummary.isSynthetic(dataSource), text(Values.date(row.get(0))),
                text(Values.date(row.get(1))), row.get(3) == null ? null : String.valueOf(row.get(3)).replace(' ', 'T'),
                request.generatedAt().toString());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static List<MonthlyCube.Row> monthRows(QueryResult result) {
        List<MonthlyCube.Row> rows = new ArrayList<>(result.rows().size());
        for (List<Object> row : result.rows()) {
            rows.add(new MonthlyCube.Row(YearMonth.of((int) Values.number(row.get(0)), (int) Values.number(row.get(1))),
                    row.get(2), row.get(3), row.get(4), Values.number(row.get(5)), Values.number(row.get(6))));
        }
        return rows;
    }

    private static List<IncidentPoints.Row> pointRows(QueryResult result) {
        List<IncidentPoints.Row> rows = new ArrayList<>(result.rows().size());
        for (List<Object> row : result.rows()) {
            rows.add(new IncidentPoints.Row(Values.date(row.get(0)), (int) Values.number(row.get(1)), row.get(2),
                    row.get(3), Values.decimal(row.get(4)), Values.decimal(row.get(5))));
        }
        return rows;
    }
}
