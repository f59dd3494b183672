package dev.sfcrimestats.socrata;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * A read-only dataset of {@code count} {@link SfpdRows} computed on the fly from the row index, for benchmarks:
 * memory does not grow with the row count. {@code :id}, {@code :created_at} and {@code :updated_at} all increase
 * with the index, so conditions on them become an index range found by binary search (keyset paging on
 * {@code :id} jumps straight to its page); any other condition is checked row by row within that range.
 * {@code $order} must start with one of those system fields.
 */
final class GeneratedRows implements RowSource {

    private static final Set<String> MONOTONE = Set.of(SystemFields.ID, SystemFields.CREATED_AT,
            SystemFields.UPDATED_AT);
    private static final Set<String> DATE_FIELDS = Set.of("incident_datetime", "incident_date", "report_datetime");
    /** The most rows a generated dataset can have (about 4 billion). */
    static final long MAX_ROWS = 1L << 32;

    private static final Instant FIRST_STAMP = Instant.parse("2018-01-02T18:00:00Z");

    private final long count;
    private final SfpdRows rows;
    private final long stepMillis;
    private final Schema schema = Schema.sfpd();

    GeneratedRows(long count) {
        if (count < 0 || count > MAX_ROWS) {
            throw new IllegalArgumentException("row count must be 0 to " + MAX_ROWS + ": " + count);
        }
        this.count = count;
        this.rows = new SfpdRows(Math.max(1, count));
        // Publication stamps spread up to an hour before the fake clock starts, one step apart, so they are
        // distinct and increasing (a step of at least one millisecond).
        long span = Duration.between(FIRST_STAMP, FakeClock.START.minusSeconds(3600)).toMillis();
        this.stepMillis = Math.max(1, span / Math.max(1, count));
    }

    /** The row at an index with its system fields. */
    Map<String, Object> row(long index) {
        Map<String, Object> row = new LinkedHashMap<>();
        String stamp = stamp(index);
        row.put(SystemFields.ID, SystemFields.rowId(index + 1));
        row.put(SystemFields.CREATED_AT, stamp);
        row.put(SystemFields.UPDATED_AT, stamp);
        row.putAll(rows.row(index));
        return row;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Instant lastModified() {
        return count == 0 ? FIRST_STAMP : FIRST_STAMP.plusMillis((count - 1) * stepMillis);
    }

    @Override
    public Iterator<Map<String, Object>> rows(SoqlWhere where, SoqlOrder order, long offset, long limit,
            long shuffleSeed) {
        Range range = range(where);
        long size = range.hi - range.lo;
        Long2Long position;
        if (order == null) {
            position = arbitraryOrder(range.lo, size, shuffleSeed);
        } else {
            SoqlOrder.Key first = order.keys().get(0);
            if (!MONOTONE.contains(first.field())) {
                throw SoqlException.malformed("The generated fake orders only by :id, :created_at or :updated_at, "
                        + "not " + first.field());
            }
            position = first.descending() ? k -> range.hi - 1 - k : k -> range.lo + k;
        }
        // Without other conditions every index in the range matches, so the offset is a jump, not a scan.
        long start = range.exact ? Math.min(offset, size) : 0;
        long skip = range.exact ? 0 : offset;
        return new Iterator<>() {
            private long next = start;
            private long skipped;
            private long served;
            private Map<String, Object> ahead;

            @Override
            public boolean hasNext() {
                while (ahead == null && served < limit && next < size) {
                    long index = position.apply(next++);
                    // A row generated to test it is served as it is, not generated again.
                    Map<String, Object> candidate = range.exact ? null : row(index);
                    if ((candidate == null || where.test(candidate)) && skipped++ >= skip) {
                        ahead = candidate != null ? candidate : row(index);
                    }
                }
                return ahead != null;
            }

            @Override
            public Map<String, Object> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Map<String, Object> row = ahead;
                ahead = null;
                served++;
                return row;
            }
        };
    }

    @Override
    public long count(SoqlWhere where) {
        Range range = range(where);
        return range.exact ? range.hi - range.lo : RowSource.super.count(where);
    }

    @Override
    public Object extreme(String field, boolean greatest, SoqlWhere where) {
        Range range = range(where);
        if (!range.exact || !MONOTONE.contains(field)) {
            return RowSource.super.extreme(field, greatest, where);
        }
        return range.hi <= range.lo ? null : value(field, greatest ? range.hi - 1 : range.lo);
    }

    private interface Long2Long {
        long apply(long value);
    }

    /** Indexes [lo, hi) satisfy the conditions on monotone fields; exact when there are no other conditions. */
    private record Range(long lo, long hi, boolean exact) {
    }

    private Range range(SoqlWhere where) {
        long lo = 0;
        long hi = count;
        boolean exact = true;
        for (SoqlWhere.Condition condition : where.conditions()) {
            if (alwaysHolds(condition)) {
                continue;
            }
            if (!MONOTONE.contains(condition.field()) || condition.op() == SoqlWhere.Op.NE) {
                exact = false;
                continue;
            }
            SoqlWhere.Op op = condition.op();
            if (op == SoqlWhere.Op.GT || op == SoqlWhere.Op.GE || op == SoqlWhere.Op.EQ) {
                SoqlWhere.Condition atLeast = op == SoqlWhere.Op.EQ ? with(condition, SoqlWhere.Op.GE) : condition;
                lo = Math.max(lo, firstIndex(index -> atLeast.test(value(condition.field(), index))));
            }
            if (op == SoqlWhere.Op.LT || op == SoqlWhere.Op.LE || op == SoqlWhere.Op.EQ) {
                SoqlWhere.Condition atMost = op == SoqlWhere.Op.EQ ? with(condition, SoqlWhere.Op.LE) : condition;
                hi = Math.min(hi, firstIndex(index -> !atMost.test(value(condition.field(), index))));
            }
        }
        return new Range(lo, Math.max(lo, hi), exact);
    }

    /**
     * Every generated row's dates are from {@link SfpdRows#FIRST} on, so a lower bound on a date field that the first
     * instant meets holds for every row: a loader's start-date condition costs no scan of the rows.
     */
    private static boolean alwaysHolds(SoqlWhere.Condition condition) {
        return DATE_FIELDS.contains(condition.field())
                && (condition.op() == SoqlWhere.Op.GE || condition.op() == SoqlWhere.Op.GT)
                && condition.test(SfpdRows.FIRST + ":00.000");
    }

    private static SoqlWhere.Condition with(SoqlWhere.Condition condition, SoqlWhere.Op op) {
        return new SoqlWhere.Condition(condition.field(), op, condition.literal(), condition.kind(), condition.key());
    }

    // The first index where a predicate that is false and then true along the indexes holds (count if none).
    private long firstIndex(LongPredicate holds) {
        long low = 0;
        long high = count;
        while (low < high) {
            long middle = (low + high) >>> 1;
            if (holds.test(middle)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private String value(String field, long index) {
        return field.equals(SystemFields.ID) ? SystemFields.rowId(index + 1) : stamp(index);
    }

    private String stamp(long index) {
        return FakeClock.format(FIRST_STAMP.plusMillis(index * stepMillis));
    }

    // A permutation of [lo, lo + size) that needs no memory: k -> lo + (a * k + b) mod size with a coprime to size.
    // a < 2^31 and size <= MAX_ROWS keep a * k within a long.
    private static Long2Long arbitraryOrder(long lo, long size, long seed) {
        if (size <= 1) {
            return k -> lo + k;
        }
        long multiplier = Math.floorMod(seed * 0x9E3779B97F4A7C15L, Math.min(size, 1L << 31)) | 1;
        while (gcd(multiplier, size) != 1) {
            multiplier += 2;
        }
        long factor = multiplier;
        long shift = Math.floorMod(seed * 31 + 17, size);
        return k -> lo + (Math.floorMod(factor * k, size) + shift) % size;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
