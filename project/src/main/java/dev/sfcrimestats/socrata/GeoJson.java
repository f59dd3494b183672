package dev.sfcrimestats.socrata;

import java.io.IOException;
import java.io.StringWriter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;

/**
 * Nested values in a row: a GeoJSON point becomes WKT {@code POINT (lon lat)} (the form BigQuery's
 * {@code ST_GEOGFROMTEXT} and DuckDB read), anything else its compact JSON text. The value's tokens are buffered, not
 * built into a tree: most rows carry a point, and a tree per row cost more than the rest of the row.
 */
final class GeoJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GeoJson() {
    }

    /** Reads the object or array the parser is at and returns its text. */
    static String toText(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT && parser.currentToken() != JsonToken.START_ARRAY) {
            throw new IllegalStateException("not at an object or array");
        }
        try (TokenBuffer tokens = new TokenBuffer(parser)) {
            tokens.copyCurrentStructure(parser);
            String point = point(tokens);
            return point != null ? point : json(tokens);
        }
    }

    /** {@code {"type":"Point","coordinates":[lon,lat]}} (fields in any order) as WKT, else null. */
    private static String point(TokenBuffer tokens) throws IOException {
        String type = null;
        String longitude = null;
        String latitude = null;
        try (JsonParser value = tokens.asParser()) {
            value.nextToken();
            if (value.currentToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (value.nextToken() == JsonToken.FIELD_NAME) {
                String field = value.currentName();
                JsonToken token = value.nextToken();
                if (field.equals("type") && token == JsonToken.VALUE_STRING) {
                    type = value.getText();
                } else if (field.equals("coordinates") && token == JsonToken.START_ARRAY) {
                    longitude = number(value);
                    latitude = number(value);
                    if (value.nextToken() != JsonToken.END_ARRAY) {
                        return null;
                    }
                } else {
                    return null;
                }
            }
        }
        return "Point".equals(type) && longitude != null && latitude != null
                ? "POINT (" + longitude + " " + latitude + ")" : null;
    }

    /** The next token's digits as sent, when it is a number. */
    private static String number(JsonParser value) throws IOException {
        JsonToken token = value.nextToken();
        return token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT ? value.getText() : null;
    }

    private static String json(TokenBuffer tokens) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonParser value = tokens.asParser(); JsonGenerator generator = JSON.getFactory().createGenerator(text)) {
            value.nextToken();
            generator.copyCurrentStructure(value);
        }
        return text.toString();
    }
}
