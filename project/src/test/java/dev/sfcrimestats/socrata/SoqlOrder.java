package dev.sfcrimestats.socrata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code $order}: comma-separated {@code <field> [ASC|DESC]} keys, ascending by default. Values compare by their
 * column's type ({@link SodaValues}); absent values sort last ascending and first descending (PostgreSQL's default,
 * which Socrata inherits). Ties are broken by {@code :id} so that pages of one order never overlap.
 */
final class SoqlOrder {

    /** One sort key. */
    record Key(String field, boolean descending) {
    }

    private static final Pattern KEY = Pattern.compile("(?i)\\s*(:?@?[A-Za-z_][A-Za-z0-9_]*)(?:\\s+(asc|desc))?\\s*");

    private final List<Key> keys;
    private final Schema schema;

    private SoqlOrder(List<Key> keys, Schema schema) {
        this.keys = List.copyOf(keys);
        this.schema = schema;
    }

    /** Parses a {@code $order}; null or blank gives null: no order, rows come in an arbitrary order. */
    static SoqlOrder parse(String text, Schema schema) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<Key> keys = new ArrayList<>();
        for (String item : text.split(",")) {
            Matcher matcher = KEY.matcher(item);
            if (!matcher.matches()) {
                throw SoqlException.malformed("Unsupported $order item '" + item.trim()
                        + "' (the fake understands <field> [ASC|DESC])");
            }
            SoqlException.requireColumn(schema, matcher.group(1));
            keys.add(new Key(matcher.group(1), "desc".equalsIgnoreCase(matcher.group(2))));
        }
        return new SoqlOrder(keys, schema);
    }

    /** The sort keys, most significant first. */
    List<Key> keys() {
        return keys;
    }

    /** The order of rows (field to API value), with {@code :id} as the last tie-breaker. */
    Comparator<Map<String, Object>> comparator() {
        Comparator<Map<String, Object>> order = null;
        for (Key key : keys) {
            Comparator<Map<String, Object>> next = byKey(key);
            order = order == null ? next : order.thenComparing(next);
        }
        Comparator<Map<String, Object>> byId = byKey(new Key(SystemFields.ID, false));
        return order == null ? byId : order.thenComparing(byId);
    }

    @SuppressWarnings("rawtypes")
    private Comparator<Map<String, Object>> byKey(Key key) {
        SodaValues.Kind kind = SodaValues.kindOf(key.field(), schema);
        Comparator<Comparable> values = key.descending()
                ? Comparator.nullsFirst(SodaValues.KEY_ORDER.reversed())
                : Comparator.nullsLast(SodaValues.KEY_ORDER);
        return Comparator.comparing(row -> SodaValues.key(kind, row.get(key.field())), values);
    }
}
