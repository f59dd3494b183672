package dev.sfcrimestats.portal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;

import dev.sfcrimestats.parquet.BadValueException;

/**
 * A portal export's header, checked against the expected fields: for each column, the API field it feeds (or none)
 * and that field's type. Turns a record into a row.
 */
final class PortalColumns {

    /** The dataset's key: a row without it cannot be upserted, and a file without it is not an export of the table. */
    static final String KEY = "row_id";

    private final Path file;
    private final List<String> headers;
    private final String[] fields;
    private final FieldType[] types;
    private final List<String> unknown = new ArrayList<>();
    private String keyHeader;

    private PortalColumns(Path file, List<String> headers) {
        this.file = file;
        this.headers = List.copyOf(headers);
        this.fields = new String[headers.size()];
        this.types = new FieldType[headers.size()];
    }

    /**
     * Maps a header to the expected fields.
     *
     * @throws PortalCsvException when the key is missing, two columns feed one field, or fewer than half the columns
     *                            are expected fields (the file is something else)
     */
    static PortalColumns of(Path file, List<String> headers, Map<String, FieldType> expected)
            throws PortalCsvException {
        PortalColumns columns = new PortalColumns(file, headers);
        Map<String, String> found = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            // A CSV from the API itself has the field names as headers: take those as they are.
            String field = expected.containsKey(header.strip()) ? header.strip() : PortalHeaders.apiName(header);
            if (!expected.containsKey(field)) {
                columns.unknown.add(header);
                continue;
            }
            String other = found.putIfAbsent(field, header);
            if (other != null) {
                throw new PortalCsvException(file, 1, "the columns " + other + " and " + header
                        + " are both the field " + field + "; keep one of them");
            }
            columns.fields[i] = field;
            columns.types[i] = expected.get(field);
        }
        if (!found.containsKey(KEY) || found.size() * 2 < headers.size()) {
            throw new PortalCsvException(file, 1, "this does not look like a DataSF portal export of the expected"
                    + " fields: " + missing(expected.keySet(), found.keySet(), headers.size())
                    + " (found: " + String.join(", ", headers) + ")");
        }
        columns.keyHeader = found.get(KEY);
        return columns;
    }

    private static String missing(Set<String> expected, Set<String> found, int columns) {
        Set<String> missing = new LinkedHashSet<>();
        if (!found.contains(KEY)) {
            missing.add(PortalHeaders.displayName(KEY));
        }
        for (String field : expected) {
            // Computed regions and system fields (":...") come and go between exports: not worth naming.
            if (!found.contains(field) && !field.startsWith(":")) {
                missing.add(PortalHeaders.displayName(field));
            }
        }
        if (missing.isEmpty()) {
            return "only " + found.size() + " of its " + columns + " columns are expected fields";
        }
        return "missing columns " + String.join(", ", missing);
    }

    /**
     * Puts a record's values into the row, which is cleared first.
     *
     * @param line the line the record starts on, for messages
     */
    void fill(CSVRecord record, Map<String, String> row, long line) throws PortalCsvException {
        if (record.size() != fields.length) {
            throw new PortalCsvException(file, line, record.size() + " cells where the header has " + fields.length
                    + " columns");
        }
        row.clear();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] == null) {
                continue;
            }
            try {
                String value = PortalValues.convert(types[i], headers.get(i), record.get(i));
                if (value != null) {
                    row.put(fields[i], value);
                }
            } catch (BadValueException bad) {
                throw new PortalCsvException(file, line, bad.getMessage(), bad);
            }
        }
        if (!row.containsKey(KEY)) {
            throw new PortalCsvException(file, line, "the " + keyHeader + " is empty; every row needs its key");
        }
    }

    /** The headers that feed no expected field, as written. */
    List<String> unknown() {
        return unknown;
    }
}
