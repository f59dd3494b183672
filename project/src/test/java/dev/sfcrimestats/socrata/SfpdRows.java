package dev.sfcrimestats.socrata;

import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Realistic SFPD incident report rows in the API's JSON form (see {@code wg3w-h783}), computed from a row index
 * alone: the same index always gives the same row, and nothing is stored, so a benchmark can serve a million rows.
 * The rows of a {@code SfpdRows} of {@code total} rows spread their report dates evenly from 2018-01-01 to late
 * November 2026 in index order, as the real dataset grows day by day.
 *
 * <p>Like the real data: an incident has 1 to 3 rows (one per incident code; {@code row_id} is {@code incident_id}
 * followed by the code), all 27 columns appear, about 5% of rows have no location columns at all, {@code cad_number}
 * is absent on Coplogic (online) reports and some supplements (about 20% overall), {@code filed_online} is
 * {@code true} on Coplogic rows and absent otherwise, and some located rows carry the computed region
 * {@value #NEIGHBORHOOD_REGION}.
 */
public final class SfpdRows {

    /** The computed region column ("Neighborhoods") some rows carry. */
    public static final String NEIGHBORHOOD_REGION = ":@computed_region_jwn9_ihcz";
    /** The earliest incident or report time. */
    public static final LocalDateTime FIRST = LocalDateTime.of(2018, 1, 1, 0, 0);
    /** The latest report time. */
    public static final LocalDateTime LAST = LocalDateTime.of(2026, 11, 26, 23, 59);

    // Rows come in blocks of six split into incidents of 1-3 rows, so the incident of a row is found from the
    // index in constant time. Incidents of 1, 2 and 3 rows come about 40:7:2, as in the data.
    private static final int BLOCK = 6;
    private static final int[][] PATTERNS = {
        {1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 2}, {2, 1, 1, 1, 1},
        {1, 1, 1, 1, 2}, {3, 1, 1, 1}, {1, 2, 1, 2}, {1, 1, 1, 3}, {2, 2, 1, 1}};
    private static final long SPAN_MINUTES = ChronoUnit.MINUTES.between(FIRST, LAST);
    private static final long FIRST_INCIDENT_ID = 618_000;

    private final long total;

    /** Rows for a dataset of {@code total} rows (which sets how far apart in time consecutive rows are). */
    public SfpdRows(long total) {
        if (total < 1) {
            throw new IllegalArgumentException("total must be positive: " + total);
        }
        this.total = total;
    }

    /** The first {@code count} rows of a dataset of {@code count} rows: quick fixtures for tests. */
    public static List<Map<String, Object>> sample(int count) {
        return new SfpdRows(count).rows(0, count);
    }

    /** How many rows the dataset has. */
    public long total() {
        return total;
    }

    /** Rows {@code from} to {@code from + count - 1}. */
    public List<Map<String, Object>> rows(long from, int count) {
        List<Map<String, Object>> rows = new ArrayList<>(count);
        for (long index = from; index < from + count; index++) {
            rows.add(row(index));
        }
        return rows;
    }

    /** The row at this index (0-based), without system fields; a new mutable map each call. */
    public Map<String, Object> row(long index) {
        if (index < 0 || index >= total) {
            throw new IndexOutOfBoundsException("row " + index + " of " + total);
        }
        long block = index / BLOCK;
        int[] pattern = PATTERNS[new SplittableRandom(block * 31 + 7).nextInt(PATTERNS.length)];
        int offset = (int) (index % BLOCK);
        int start = 0;
        int size = pattern[0];
        for (int part = 0; offset >= start + size; part++) {
            start += size;
            size = pattern[part + 1];
        }
        return incidentRow(block * BLOCK + start, offset - start);
    }

    private Map<String, Object> incidentRow(long incidentStart, int position) {
        SplittableRandom random = new SplittableRandom(incidentStart * 0x9E3779B97F4A7C15L + 0x5FD);
        LocalDateTime reported = reportedAt(incidentStart, random);
        SfpdValues.ReportType type = SfpdValues.REPORT_TYPES.pick(random);
        long lagMinutes = type.online() || random.nextInt(20) == 0 ? random.nextInt(60 * 24 * 30)
                : random.nextInt(4) == 0 ? random.nextInt(60 * 24 * 3) : random.nextInt(180);
        LocalDateTime happened = reported.minusMinutes(lagMinutes);
        // The dataset starts in 2018: an early report's incident cannot be older.
        happened = happened.isBefore(FIRST) ? reported : happened;
        boolean supplement = type.code().endsWith("S");
        long numberSource = supplement ? Math.max(0, incidentStart - BLOCK * (1 + random.nextInt(50))) : incidentStart;
        boolean hasCad = !type.online() && !(supplement && random.nextInt(5) == 0);
        StringBuilder cad = digits(new StringBuilder(), reported.getYear() % 100, 2);
        digits(digits(cad, reported.getDayOfYear(), 3), random.nextInt(10_000), 4);
        SfpdValues.Offense first = SfpdValues.OFFENSES.pick(random);
        // Further codes of an incident step through the table, so the codes of one incident (and so its row_ids)
        // are distinct.
        SfpdValues.Offense offense = SfpdValues.OFFENSES.get(SfpdValues.OFFENSES.indexOf(first) + 7 * position);
        SfpdValues.Resolution resolution = SfpdValues.RESOLUTIONS.pick(random);
        boolean located = random.nextInt(20) != 0;
        String incidentId = Long.toString(FIRST_INCIDENT_ID + incidentStart);

        Map<String, Object> row = new LinkedHashMap<>();
        row.put("incident_datetime", floating(happened));
        row.put("incident_date", floating(happened.truncatedTo(ChronoUnit.DAYS)));
        StringBuilder time = digits(new StringBuilder(), happened.getHour(), 2).append(':');
        row.put("incident_time", digits(time, happened.getMinute(), 2).toString());
        row.put("incident_year", Integer.toString(happened.getYear()));
        row.put("incident_day_of_week", happened.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US));
        row.put("report_datetime", floating(reported));
        row.put("row_id", incidentId + offense.code());
        row.put("incident_id", incidentId);
        row.put("incident_number", incidentNumber(numberSource));
        if (hasCad) {
            row.put("cad_number", cad.toString());
        }
        row.put("report_type_code", type.code());
        row.put("report_type_description", type.description());
        if (type.online()) {
            row.put("filed_online", Boolean.TRUE);
        }
        row.put("incident_code", offense.code());
        row.put("incident_category", offense.category());
        row.put("incident_subcategory", offense.subcategory());
        row.put("incident_description", offense.description());
        row.put("resolution", resolution.name());
        if (located) {
            putLocation(row, random);
        } else {
            row.put("police_district", SfpdValues.UNLOCATED_DISTRICTS.pick(random));
        }
        return row;
    }

    private void putLocation(Map<String, Object> row, SplittableRandom random) {
        SfpdValues.Neighborhood neighborhood = SfpdValues.NEIGHBORHOODS.pick(random);
        int first = random.nextInt(SfpdValues.STREETS.size());
        int second = (first + 1 + random.nextInt(SfpdValues.STREETS.size() - 1)) % SfpdValues.STREETS.size();
        double latitude = neighborhood.latitude() + (random.nextDouble() - 0.5) * 0.008;
        double longitude = neighborhood.longitude() + (random.nextDouble() - 0.5) * 0.008;
        row.put("intersection", SfpdValues.STREETS.get(first) + " \\ " + SfpdValues.STREETS.get(second));
        row.put("cnn", Integer.toString(20_000_000 + first * 100_000 + second * 1_000));
        row.put("police_district", neighborhood.policeDistrict());
        row.put("analysis_neighborhood", neighborhood.name());
        row.put("supervisor_district", Integer.toString(neighborhood.supervisor()));
        row.put("supervisor_district_2012", Integer.toString(neighborhood.supervisor2012()));
        row.put("latitude", Double.toString(latitude));
        row.put("longitude", Double.toString(longitude));
        row.put("point", Map.of("type", "Point", "coordinates", List.of(longitude, latitude)));
        if (random.nextInt(10) < 7) {
            row.put(NEIGHBORHOOD_REGION, Integer.toString(neighborhood.region()));
        }
    }

    // Report times follow the index (the dataset grows in report order) with up to one slot of jitter, at minute
    // precision like the real report_datetime.
    private LocalDateTime reportedAt(long incidentStart, SplittableRandom random) {
        double slot = (incidentStart + random.nextDouble()) / total;
        return FIRST.plusMinutes((long) (slot * SPAN_MINUTES));
    }

    // yy + 7 digits, like 240101157: the year of the incident the number belongs to, then a sequence.
    private String incidentNumber(long incidentStart) {
        int year = FIRST.plusMinutes(incidentStart * SPAN_MINUTES / total).getYear();
        StringBuilder number = digits(new StringBuilder(), year % 100, 2);
        return digits(number, (incidentStart * 7 + 101_157) % 10_000_000, 7).toString();
    }

    // By hand rather than String.format or a formatter: a benchmark formats millions of these.
    private static String floating(LocalDateTime time) {
        StringBuilder text = new StringBuilder(23).append(time.getYear()).append('-');
        digits(text, time.getMonthValue(), 2).append('-');
        digits(text, time.getDayOfMonth(), 2).append('T');
        digits(text, time.getHour(), 2).append(':');
        return digits(text, time.getMinute(), 2).append(":00.000").toString();
    }

    private static StringBuilder digits(StringBuilder text, long value, int width) {
        String plain = Long.toString(value);
        for (int pad = plain.length(); pad < width; pad++) {
            text.append('0');
        }
        return text.append(plain);
    }
}
