package dev.sfcrimestats.socrata;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import dev.sfcrimestats.parquet.BadValueException;
import dev.sfcrimestats.parquet.RowSink;

/**
 * Reads a SODA JSON response (an array of row objects) as a stream, one row at a time, into a {@link RowSink}: values
 * as their text (Socrata sends numbers as strings; a number sent as a JSON number keeps its exact digits), checkboxes
 * as {@code true}/{@code false}, GeoJSON points as WKT {@code POINT (lon lat)}, other objects as JSON text. Null
 * fields are absent, as Socrata omits them.
 */
final class PageParser {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private PageParser() {
    }

    /**
     * Reads every row of the body.
     *
     * @return the number of rows
     * @throws MalformedPageException when the body is not a JSON array of objects (or ends early)
     * @throws IOException            when reading the body fails (a reset, a timeout)
     */
    static long parse(InputStream body, RowSink sink) throws IOException, MalformedPageException, BadValueException {
        Map<String, String> row = new HashMap<>(64);
        long rows = 0;
        try (JsonParser parser = FACTORY.createParser(body)) {
            expect(parser, parser.nextToken(), JsonToken.START_ARRAY, "a JSON array of rows");
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                expect(parser, token, JsonToken.START_OBJECT, "a row object");
                row.clear();
                readRow(parser, row);
                sink.accept(row);
                rows++;
            }
            if (parser.nextToken() != null) {
                throw new MalformedPageException("text after the end of the array", offset(parser));
            }
        } catch (JsonProcessingException malformed) {
            throw new MalformedPageException(malformed.getOriginalMessage(), offset(malformed.getLocation()));
        }
        return rows;
    }

    private static void readRow(JsonParser parser, Map<String, String> row) throws IOException, MalformedPageException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (value) {
                case VALUE_NULL -> { }
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> row.put(field, parser.getText());
                case VALUE_TRUE -> row.put(field, "true");
                case VALUE_FALSE -> row.put(field, "false");
                case START_OBJECT, START_ARRAY -> row.put(field, GeoJson.toText(parser));
                default -> throw new MalformedPageException("unexpected " + value + " in field " + field,
                        offset(parser));
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new MalformedPageException("a row object does not end", offset(parser));
        }
    }

    private static void expect(JsonParser parser, JsonToken actual, JsonToken expected, String what)
            throws MalformedPageException {
        if (actual != expected) {
            throw new MalformedPageException(actual == null ? "the body ends where " + what + " should be"
                    : "expected " + what + " but found " + actual, offset(parser));
        }
    }

    private static long offset(JsonParser parser) {
        return offset(parser.currentLocation());
    }

    private static long offset(JsonLocation location) {
        return location == null ? -1 : location.getByteOffset() >= 0 ? location.getByteOffset()
                : location.getCharOffset();
    }
}
