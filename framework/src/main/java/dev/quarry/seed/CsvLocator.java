package dev.quarry.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds where in a CSV file something went wrong that the CSV parser reports without a column: a quote problem or a
 * byte that is not UTF-8. It walks the text as commons-csv reads it (a quote is special only at the start of a field),
 * tracking the physical line and the field's number. Used only after a failure, so it favours being simple.
 */
final class CsvLocator {

    /** What is wrong at a place. */
    enum Problem {
        /** A quoted value runs to the end of the file. */
        UNCLOSED_QUOTE,
        /** A closing quote is followed by something other than a delimiter or a line break. */
        TEXT_AFTER_QUOTE,
        /** A byte that is not part of a UTF-8 character. */
        NOT_UTF8
    }

    /**
     * @param line   1-based physical line
     * @param column 1-based field number in its row
     * @param badByte the offending byte for {@link Problem#NOT_UTF8}, else -1
     */
    record Place(Problem problem, int line, int column, int badByte) {
    }

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, AFTER_QUOTE }

    private final char delimiter;
    private State state = State.FIELD_START;
    private int line = 1;
    private int field = 1;
    private int quoteLine;
    private int quoteField;
    private boolean afterCarriageReturn;
    private boolean atFileStart = true;

    private CsvLocator(char delimiter) {
        this.delimiter = delimiter;
    }

    /** The first quote problem in the text, or empty when the quotes are fine. */
    static Optional<Place> findQuoteProblem(Reader text, char delimiter) throws IOException {
        CsvLocator locator = new CsvLocator(delimiter);
        char[] buffer = new char[8192];
        for (int read = text.read(buffer); read > 0; read = text.read(buffer)) {
            for (int at = 0; at < read; at++) {
                if (!locator.feed(buffer[at])) {
                    return Optional.of(new Place(Problem.TEXT_AFTER_QUOTE, locator.line, locator.field, -1));
                }
            }
        }
        if (locator.state == State.QUOTED) {
            return Optional.of(new Place(Problem.UNCLOSED_QUOTE, locator.quoteLine, locator.quoteField, -1));
        }
        return Optional.empty();
    }

    /** The place of the first byte of the file that is not UTF-8, or empty when it all is. */
    static Optional<Place> findEncodingProblem(Path file, char delimiter) throws IOException {
        CsvLocator locator = new CsvLocator(delimiter);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(8192);
        CharBuffer chars = CharBuffer.allocate(8192);
        try (InputStream in = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = read < 0;
                bytes.position(bytes.position() + Math.max(read, 0));
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                chars.flip();
                while (chars.hasRemaining()) {
                    locator.feed(chars.get());
                }
                chars.clear();
                if (result.isError()) {
                    int bad = bytes.get(bytes.position()) & 0xFF;
                    return Optional.of(new Place(Problem.NOT_UTF8, locator.line, locator.field, bad));
                }
                bytes.compact();
            }
        }
        return Optional.empty();
    }

    /** Takes the next character; false when it is text after a closing quote. */
    private boolean feed(char c) {
        boolean wasAtFileStart = atFileStart;
        atFileStart = false;
        if (wasAtFileStart && c == '\uFEFF') {
            return true;
        }
        boolean lineBreak = c == '\n' || c == '\r';
        boolean secondHalfOfCrLf = c == '\n' && afterCarriageReturn;
        afterCarriageReturn = c == '\r';
        if (lineBreak && !secondHalfOfCrLf) {
            line++;
        }
        switch (state) {
            case FIELD_START, UNQUOTED -> {
                if (c == '"' && state == State.FIELD_START) {
                    state = State.QUOTED;
                    quoteLine = line;
                    quoteField = field;
                } else if (c == delimiter) {
                    field++;
                    state = State.FIELD_START;
                } else if (lineBreak) {
                    field = 1;
                    state = State.FIELD_START;
                } else {
                    state = State.UNQUOTED;
                }
            }
            case QUOTED -> state = c == '"' ? State.QUOTE_IN_QUOTED : State.QUOTED;
            case QUOTE_IN_QUOTED, AFTER_QUOTE -> {
                if (c == '"' && state == State.QUOTE_IN_QUOTED) {
                    state = State.QUOTED;
                } else if (c == delimiter) {
                    field++;
                    state = State.FIELD_START;
                } else if (lineBreak) {
                    field = 1;
                    state = State.FIELD_START;
                } else if (Character.isWhitespace(c)) {
                    // commons-csv skips blanks between a closing quote and the delimiter.
                    state = State.AFTER_QUOTE;
                } else {
                    return false;
                }
            }
        }
        return true;
    }
}
