package dev.sfcrimestats.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The incidents with a location in the last 12 months of data, as columns: row {@code i} happened on
 * {@code firstDay + day[i]} days at hour {@code hour[i]}, at latitude {@code latOrigin + lat[i] / scale} and longitude
 * {@code lonOrigin + lon[i] / scale} (about 10 m apart at {@value #SCALE}).
 *
 * @param firstDay the earliest day, ISO, or null when there are no points
 */
record IncidentPoints(String firstDay, int[] day, int[] hour, int[] category, int[] neighborhood, double latOrigin,
        double lonOrigin, int scale, int[] lat, int[] lon) {

    static final int SCALE = 10_000;

    /** One row of the query. */
    record Row(LocalDate date, int hour, Object category, Object neighborhood, double latitude, double longitude) {
    }

    static IncidentPoints of(List<Row> rows, Names categories, Names neighborhoods) {
        LocalDate first = rows.stream().map(Row::date).min(LocalDate::compareTo).orElse(null);
        double latOrigin = Math.floor(rows.stream().mapToDouble(Row::latitude).min().orElse(0) * 100) / 100;
        double lonOrigin = Math.floor(rows.stream().mapToDouble(Row::longitude).min().orElse(0) * 100) / 100;
        int size = rows.size();
        IncidentPoints points = new IncidentPoints(first == null ? null : first.toString(), new int[size],
                new int[size], new int[size], new int[size], latOrigin, lonOrigin, SCALE, new int[size],
                new int[size]);
        for (int i = 0; i < size; i++) {
            Row row = rows.get(i);
            points.day[i] = (int) ChronoUnit.DAYS.between(first, row.date());
            points.hour[i] = row.hour();
            points.category[i] = categories.positionOf(row.category());
            points.neighborhood[i] = neighborhoods.positionOf(row.neighborhood());
            points.lat[i] = (int) Math.round((row.latitude() - latOrigin) * SCALE);
            points.lon[i] = (int) Math.round((row.longitude() - lonOrigin) * SCALE);
        }
        return points;
    }
}
