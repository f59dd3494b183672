package dev.quarry.unittest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * Reads CSV fixture text with commons-csv into {@link FixtureRows} of String values. A quote mode of
 * {@link QuoteMode#ALL_NON_NULL} is what makes commons-csv tell a quoted empty field (the empty string) from an empty
 * one (null).
 */
final class CsvFixtureReader {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setNullString("")
            .setQuoteMode(QuoteMode.ALL_NON_NULL)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();

    private static final String EMPTY = "the CSV is empty: its first line must name the columns";

    private CsvFixtureReader() {
    }

    static FixtureRows read(String text) {
        if (text.isBlank()) {
            throw new CsvFixtureException(1, EMPTY);
        }
        List<String> header = null;
        List<Map<String, Object>> rows = new ArrayList<>();
        LineCounter lines = new LineCounter(text);
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            try {
                for (CSVRecord record : parser) {
                    int line = lines.lineAt(record.getCharacterPosition());
                    if (header == null) {
                        header = header(record, line);
                    } else {
                        rows.add(row(header, record, line));
                    }
                }
            } catch (UncheckedIOException unreadable) {
                throw new CsvFixtureException((int) parser.getCurrentLineNumber() + 1,
                        "not valid CSV: " + unreadable.getCause().getMessage());
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        if (header == null) {
            throw new CsvFixtureException(1, EMPTY);
        }
        return new FixtureRows(header, rows, true);
    }

    private static List<String> header(CSVRecord record, int line) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : record) {
            if (name == null || name.isBlank()) {
                throw new CsvFixtureException(line, "column " + (names.size() + 1) + " of the header has no name");
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new CsvFixtureException(line, "the header names column '" + name + "' twice");
            }
            names.add(name);
        }
        return names;
    }

    private static Map<String, Object> row(List<String> header, CSVRecord record, int line) {
        if (record.size() != header.size()) {
            throw new CsvFixtureException(line, "this row has " + record.size() + " fields, but the header names "
                    + header.size() + " columns");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int column = 0; column < header.size(); column++) {
            row.put(header.get(column), record.get(column));
        }
        return row;
    }

    /** The line a record starts on, counted forward from the previous record (records come in order). */
    private static final class LineCounter {
        private final String text;
        private int position;
        private int line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        int lineAt(long characterPosition) {
            for (; position < characterPosition && position < text.length(); position++) {
                if (text.charAt(position) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}
