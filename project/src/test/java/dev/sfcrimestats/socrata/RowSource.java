package dev.sfcrimestats.socrata;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the fake's rows come from: the {@link RowStore} tests fill and change, or {@link GeneratedRows} computed
 * from the row index for benchmarks. Rows are maps of field to API value (text, {@code Boolean}, or the GeoJSON
 * point as a map) carrying the system fields; absent fields are null fields.
 */
interface RowSource {

    /** The dataset's columns now. */
    Schema schema();

    /** When the data last changed, for {@code Last-Modified}. */
    Instant lastModified();

    /**
     * The rows matching {@code where}, sorted by {@code order}, after skipping {@code offset} of them, at most
     * {@code limit}. With no order (null) the rows come in an arbitrary order that changes with {@code shuffleSeed},
     * so a client paging without {@code $order} sees overlapping and missing rows, as on the real API. The
     * iterator may compute rows lazily; callers stream it.
     *
     * @throws SoqlException when the source cannot answer this query
     */
    Iterator<Map<String, Object>> rows(SoqlWhere where, SoqlOrder order, long offset, long limit, long shuffleSeed);

    /** How many rows match; sources that can count faster override this. */
    default long count(SoqlWhere where) {
        long count = 0;
        Iterator<Map<String, Object>> rows = rows(where, null, 0, Long.MAX_VALUE, 0);
        for (; rows.hasNext(); rows.next()) {
            count++;
        }
        return count;
    }

    /** The greatest (or least) value of a field among the matching rows, or null when none has one. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    default Object extreme(String field, boolean greatest, SoqlWhere where) {
        SodaValues.Kind kind = SodaValues.kindOf(field, schema());
        Object best = null;
        Comparable bestKey = null;
        for (Iterator<Map<String, Object>> rows = rows(where, null, 0, Long.MAX_VALUE, 0); rows.hasNext(); ) {
            Object value = rows.next().get(field);
            Comparable key = SodaValues.key(kind, value);
            if (key == null) {
                continue;
            }
            if (bestKey == null || (greatest ? key.compareTo(bestKey) > 0 : key.compareTo(bestKey) < 0)) {
                best = value;
                bestKey = key;
            }
        }
        return best;
    }

    /**
     * The one row an aggregate select answers: counts as text (Socrata writes numbers as strings), extremes as
     * stored; an extreme over no rows is null and so absent from the row.
     */
    default Map<String, Object> aggregate(SoqlSelect select, SoqlWhere where) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (SoqlSelect.Aggregate aggregate : select.aggregates()) {
            Object value = aggregate.function().equals("count")
                    ? Long.toString(count(where))
                    : extreme(aggregate.field(), aggregate.function().equals("max"), where);
            if (value != null) {
                row.put(aggregate.alias(), value);
            }
        }
        return row;
    }
}
