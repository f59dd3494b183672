package dev.sfcrimestats.dashboard;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Incidents and incidents with an arrest per month, category and neighborhood, as columns: row {@code i} is month
 * {@code months[month[i]]}, category {@code categories[category[i]]}, and so on. The months run without a gap from
 * the first to the last with data.
 *
 * @param months       {@code yyyy-MM}, in order
 * @param month        positions in {@code months}
 * @param category     positions in the shared category names
 * @param neighborhood positions in the shared neighborhood names
 */
record MonthlyCube(List<String> months, int[] month, int[] category, int[] neighborhood, long[] incidents,
        long[] arrests) {

    /** One row of the query, before positions are known. */
    record Row(YearMonth month, Object category, Object crimeGroup, Object neighborhood, long incidents,
            long arrests) {
    }

    static MonthlyCube of(List<Row> rows, Names categories, Names neighborhoods) {
        YearMonth first = rows.stream().map(Row::month).min(YearMonth::compareTo).orElse(null);
        YearMonth last = rows.stream().map(Row::month).max(YearMonth::compareTo).orElse(null);
        List<String> months = new ArrayList<>();
        for (YearMonth month = first; month != null && !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month.toString());
        }
        int size = rows.size();
        MonthlyCube cube = new MonthlyCube(months, new int[size], new int[size], new int[size], new long[size],
                new long[size]);
        for (int i = 0; i < size; i++) {
            Row row = rows.get(i);
            cube.month[i] = (int) (row.month().getYear() * 12L + row.month().getMonthValue()
                    - (first.getYear() * 12L + first.getMonthValue()));
            cube.category[i] = categories.positionOf(row.category());
            cube.neighborhood[i] = neighborhoods.positionOf(row.neighborhood());
            cube.incidents[i] = row.incidents();
            cube.arrests[i] = row.arrests();
        }
        return cube;
    }
}
