package dev.quarry.seed;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import dev.quarry.error.Diagnostic;
import dev.quarry.error.SourceLocation;

/**
 * One pass over a seed file with commons-csv: strict UTF-8 (a byte-order mark is skipped), the seed's delimiter,
 * {@code "} quotes with {@code ""} inside them, blank lines skipped. Knows the line each record starts on. A file the
 * parser cannot read on is a {@link SeedCsv.Unreadable} that says where.
 */
final class SeedCsv implements AutoCloseable {

    /** The file cannot be read past a point: a quote problem or a byte that is not UTF-8. */
    static final class Unreadable extends Exception {
        private final transient Diagnostic diagnostic;

        Unreadable(Diagnostic diagnostic) {
            super(diagnostic.message(), null, false, false);
            this.diagnostic = diagnostic;
        }

        Diagnostic diagnostic() {
            return diagnostic;
        }
    }

    private final Path file;
    private final String path;
    private final char delimiter;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private int line;

    private SeedCsv(Path file, String path, char delimiter) throws IOException {
        this.file = file;
        this.path = path;
        this.delimiter = delimiter;
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .get();
        this.parser = CSVParser.builder().setReader(text(file)).setFormat(format).get();
        this.records = parser.iterator();
    }

    /**
     * Opens a seed file for reading.
     *
     * @param path the file relative to the project, for errors
     */
    static SeedCsv open(Path file, String path, char delimiter) throws Unreadable {
        try {
            return new SeedCsv(file, path, delimiter);
        } catch (IOException failure) {
            throw cannotRead(path, failure);
        }
    }

    /** The file as UTF-8 text without its byte-order mark; malformed bytes fail the read. */
    static Reader text(Path file) throws IOException {
        return new Utf8Reader(Files.newInputStream(file));
    }

    /**
     * The next record that is not a blank line, or null at the end of the file.
     *
     * @throws Unreadable when the file cannot be parsed on from here
     */
    CSVRecord next() throws Unreadable {
        try {
            while (true) {
                long before = parser.getCurrentLineNumber();
                if (!records.hasNext()) {
                    return null;
                }
                CSVRecord record = records.next();
                line = (int) before + 1;
                if (record.size() != 1 || !record.get(0).isEmpty()) {
                    return record;
                }
            }
        } catch (UncheckedIOException | IllegalStateException failure) {
            throw unreadable(failure);
        }
    }

    /** The 1-based line the last record returned starts on. */
    int line() {
        return line;
    }

    private Unreadable unreadable(RuntimeException failure) {
        try {
            if (causedBy(failure, CharacterCodingException.class)) {
                return CsvLocator.findEncodingProblem(file, delimiter)
                        .map(place -> new Unreadable(Diagnostic.error(
                                new SourceLocation(path, place.line(), place.column()),
                                String.format("the file is not UTF-8: byte 0x%02X is not part of a UTF-8 character",
                                        place.badByte()),
                                "save the file as UTF-8 (seeds are read as UTF-8 only)")))
                        .orElseGet(() -> cannotRead(path, failure));
            }
            if (!(failure instanceof UncheckedIOException unchecked)
                    || !(unchecked.getCause() instanceof org.apache.commons.csv.CSVException)) {
                return cannotRead(path, failure);
            }
            try (Reader text = text(file)) {
                return CsvLocator.findQuoteProblem(text, delimiter)
                        .map(place -> new Unreadable(quoteProblem(place)))
                        .orElseGet(() -> cannotRead(path, failure));
            }
        } catch (IOException again) {
            return cannotRead(path, again);
        }
    }

    private Diagnostic quoteProblem(CsvLocator.Place place) {
        SourceLocation location = new SourceLocation(path, place.line(), place.column());
        return switch (place.problem()) {
            case UNCLOSED_QUOTE -> Diagnostic.error(location,
                    "this quoted value is never closed: the file ends inside it",
                    "close it with a \"; a \" inside a quoted value is written twice (\"\")");
            case TEXT_AFTER_QUOTE, NOT_UTF8 -> Diagnostic.error(location,
                    "text follows the closing quote of this value",
                    "a \" inside a quoted value is written twice (\"\"), and the whole value is quoted");
        };
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The file cannot be read at all, or reading it failed for another reason than its content. */
    private static Unreadable cannotRead(String path, Exception failure) {
        String message = failure instanceof NoSuchFileException ? "the file does not exist"
                : "cannot read the file: " + failure.getMessage();
        return new Unreadable(Diagnostic.error(SourceLocation.of(path), message));
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // Only read; nothing is lost when closing fails.
        }
    }
}
