package dev.sfcrimestats.parquet;

import java.util.Map;

/**
 * Takes rows as field name to text value, the way Socrata gives them (numbers, dates and points as text; a field that
 * is null is absent). Names are API field names ({@code incident_datetime}, {@code :updated_at}).
 */
@FunctionalInterface
public interface RowSink {

    /**
     * Takes one row. The map may be reused by the caller after the call returns.
     *
     * @throws BadValueException when a value does not fit its column's type
     */
    void accept(Map<String, String> row) throws BadValueException;
}
