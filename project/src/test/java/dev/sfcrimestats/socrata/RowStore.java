package dev.sfcrimestats.socrata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeMap;

/**
 * The rows of the fake's dataset in memory, keyed by {@code :id} and findable by {@code row_id}, the dataset's row
 * identifier. Every change ticks the {@link FakeClock} and stamps {@code :updated_at}, so each change is visible to
 * an incremental query on {@code :updated_at}. Thread-safe: tests change rows while the server reads them.
 */
final class RowStore implements RowSource {

    private static final String ROW_ID = "row_id";

    private final FakeClock clock;
    private final NavigableMap<String, Map<String, Object>> byId = new TreeMap<>();
    private final Map<String, String> idByRowId = new HashMap<>();
    private Schema schema;
    private long nextSequence = 1;
    private Instant lastModified;

    RowStore(FakeClock clock, Schema schema) {
        this.clock = clock;
        this.schema = schema;
        this.lastModified = clock.now();
    }

    /**
     * Adds a row, or replaces the row with the same {@code row_id} (keeping its {@code :id} and {@code :created_at}),
     * as Socrata upserts on a dataset's row identifier. Returns the stored row with its system fields.
     */
    synchronized Map<String, Object> put(Map<String, ?> row) {
        Map<String, Object> values = apiValues(row);
        Object rowId = values.get(ROW_ID);
        String id = rowId == null ? null : idByRowId.get(rowId.toString());
        String created;
        Instant now = clock.tick();
        if (id == null) {
            id = SystemFields.rowId(nextSequence++);
            created = FakeClock.format(now);
        } else {
            created = (String) byId.get(id).get(SystemFields.CREATED_AT);
        }
        return store(id, created, now, values);
    }

    /** Changes fields of the row with this {@code row_id} (a null value removes a field); stamps a new :updated_at. */
    synchronized Map<String, Object> update(String rowId, Map<String, ?> changes) {
        String id = idByRowId.get(rowId);
        if (id == null) {
            throw new NoSuchElementException("no row with row_id " + rowId);
        }
        Map<String, Object> values = new LinkedHashMap<>(byId.get(id));
        for (Map.Entry<String, ?> change : changes.entrySet()) {
            if (SystemFields.isSystem(change.getKey())) {
                throw new IllegalArgumentException("system fields are the store's: " + change.getKey());
            }
            values.remove(change.getKey());
        }
        values.putAll(apiValues(changes));
        if (changes.containsKey(ROW_ID)) {
            idByRowId.remove(rowId);
        }
        String created = (String) values.get(SystemFields.CREATED_AT);
        return store(id, created, clock.tick(), values);
    }

    /** Removes the row with this {@code row_id}; false when there was none. */
    synchronized boolean delete(String rowId) {
        String id = idByRowId.remove(rowId);
        if (id == null) {
            return false;
        }
        byId.remove(id);
        lastModified = clock.tick();
        return true;
    }

    /** Adds a column no row has yet (Socrata adding a column to the dataset). */
    synchronized void addField(String field, String type) {
        schema = schema.with(field, type);
        lastModified = clock.tick();
    }

    /** Copies of the rows in {@code :id} order, with system fields. */
    synchronized List<Map<String, Object>> rows() {
        List<Map<String, Object>> copies = new ArrayList<>();
        byId.values().forEach(row -> copies.add(new LinkedHashMap<>(row)));
        return copies;
    }

    @Override
    public synchronized Schema schema() {
        return schema;
    }

    @Override
    public synchronized Instant lastModified() {
        return lastModified;
    }

    @Override
    public Iterator<Map<String, Object>> rows(SoqlWhere where, SoqlOrder order, long offset, long limit,
            long shuffleSeed) {
        List<Map<String, Object>> matching = new ArrayList<>();
        synchronized (this) {
            // A snapshot: changes made while a page streams show on the next page, as with a real server's query.
            for (Map<String, Object> row : byId.values()) {
                if (where.test(row)) {
                    matching.add(row);
                }
            }
        }
        if (order == null) {
            Collections.shuffle(matching, new Random(shuffleSeed));
        } else {
            matching.sort(order.comparator());
        }
        int from = (int) Math.min(offset, matching.size());
        int to = (int) Math.min(matching.size(), from + Math.min(limit, Integer.MAX_VALUE));
        return matching.subList(from, to).iterator();
    }

    private Map<String, Object> store(String id, String created, Instant now, Map<String, Object> values) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(SystemFields.ID, id);
        row.put(SystemFields.CREATED_AT, created);
        row.put(SystemFields.UPDATED_AT, FakeClock.format(now));
        values.forEach((field, value) -> {
            if (!SystemFields.isSystem(field)) {
                row.put(field, value);
                schema = schema.with(field, Schema.typeOfValue(value));
            }
        });
        Map<String, Object> stored = Collections.unmodifiableMap(row);
        byId.put(id, stored);
        Object rowId = stored.get(ROW_ID);
        if (rowId != null) {
            idByRowId.put(rowId.toString(), id);
        }
        lastModified = now;
        return new LinkedHashMap<>(stored);
    }

    // Socrata's JSON form: numbers as text, checkboxes as booleans, points as GeoJSON maps, nulls omitted.
    private static Map<String, Object> apiValues(Map<String, ?> row) {
        Map<String, Object> values = new LinkedHashMap<>();
        row.forEach((field, value) -> {
            if (value instanceof Boolean || value instanceof Map || value instanceof List) {
                values.put(field, value);
            } else if (value != null) {
                values.put(field, value.toString());
            }
        });
        return values;
    }
}
