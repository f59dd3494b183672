package dev.sfcrimestats.portal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import dev.sfcrimestats.parquet.BadValueException;
import dev.sfcrimestats.parquet.RowSink;

/**
 * Reads a CSV exported with the DataSF portal's "Export" button and gives each row to a {@link RowSink} as the
 * Socrata JSON API would have given it: keyed by API field names (display names such as {@code Incident Datetime}
 * are mapped by Socrata's naming rule, computed regions by their ids), values in the API's text forms by the field's
 * {@link FieldType}, empty cells left out. The file is streamed: one record at a time, into one map that is reused for
 * every row, so memory does not grow with the file.
 *
 * <p>The file must be UTF-8 (a byte-order mark is skipped) and its header must have {@code Row ID}, the key, and at
 * least as many expected fields as other columns; anything else is probably the wrong file. Every problem ends the
 * import with a {@link PortalCsvException} naming the file and line, before or after some rows have gone to the sink.
 */
public final class PortalCsvReader {

    // Blank lines are read as records (and skipped here) so that line numbers can be counted exactly.
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    private final Map<String, FieldType> expectedFields;

    /**
     * A reader for the SFPD incident dataset, each field typed by {@link FieldType#ofIncidentField}.
     *
     * @param expectedFields the API field names to import, {@code row_id} among them
     */
    public PortalCsvReader(List<String> expectedFields) {
        this(typedAsIncidentFields(expectedFields));
    }

    /**
     * A reader for any dataset.
     *
     * @param expectedFields the API field names to import, in order, with the type the API gives each; {@code row_id}
     *                       must be one of them
     */
    public PortalCsvReader(Map<String, FieldType> expectedFields) {
        if (!expectedFields.containsKey(PortalColumns.KEY)) {
            throw new IllegalArgumentException("the expected fields must include the key " + PortalColumns.KEY
                    + ": " + expectedFields.keySet());
        }
        this.expectedFields = new LinkedHashMap<>(expectedFields);
    }

    /**
     * Imports a portal export.
     *
     * @param csv  the exported file
     * @param sink takes each row; the map passed to it is reused for the next row
     * @return the number of rows given to the sink and the columns that were not imported
     * @throws PortalCsvException when the file is not a portal export of the expected fields, or a row or value is
     *                            wrong, or the sink rejects a row (its {@link BadValueException} is the cause)
     * @throws IOException        when the file cannot be read
     */
    public PortalCsvResult read(Path csv, RowSink sink) throws IOException, PortalCsvException {
        try (Reader text = Utf8Text.open(csv); CSVParser parser = FORMAT.parse(text)) {
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord header = next(csv, records, 1);
            if (header == null) {
                throw new PortalCsvException(csv, 1, "the file is empty; a DataSF portal export starts with a header"
                        + " line (Row ID, Incident Datetime, ...)");
            }
            PortalColumns columns = PortalColumns.of(csv, header.toList(), expectedFields);
            // In the file's column order, which makes rows easy to read in messages and logs.
            Map<String, String> row = new LinkedHashMap<>();
            long rows = 0;
            long lastLine = parser.getCurrentLineNumber();
            CSVRecord record;
            while ((record = next(csv, records, lastLine + 1)) != null) {
                // A record is named by the line it starts on; a quoted cell can span lines.
                long line = lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue;
                }
                columns.fill(record, row, line);
                try {
                    sink.accept(row);
                } catch (BadValueException rejected) {
                    throw new PortalCsvException(csv, line, rejected.getMessage(), rejected);
                }
                rows++;
            }
            return new PortalCsvResult(rows, columns.unknown());
        }
    }

    /** The next record, or null at the end; a file commons-csv cannot parse on is a {@link PortalCsvException}. */
    private static CSVRecord next(Path csv, Iterator<CSVRecord> records, long line)
            throws IOException, PortalCsvException {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException failure) {
            IOException cause = failure.getCause();
            if (cause instanceof CharacterCodingException notUtf8) {
                throw Utf8Text.notUtf8(csv, notUtf8);
            }
            if (cause instanceof CSVException) {
                throw new PortalCsvException(csv, line, "malformed CSV: " + cause.getMessage(), cause);
            }
            throw cause;
        }
    }

    private static Map<String, FieldType> typedAsIncidentFields(List<String> fields) {
        Map<String, FieldType> typed = new LinkedHashMap<>();
        fields.forEach(field -> typed.put(field, FieldType.ofIncidentField(field)));
        return typed;
    }
}
