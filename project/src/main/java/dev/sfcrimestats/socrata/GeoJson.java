package dev.sfcrimestats.socrata;

import java.io.IOException;
import java.io.StringWriter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Nested values in a row: a GeoJSON point becomes WKT {@code POINT (lon lat)} (the form BigQuery's
 * {@code ST_GEOGFROMTEXT} and DuckDB read), anything else its compact JSON text.
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
        JsonNode node = JSON.readTree(parser);
        JsonNode coordinates = node.path("coordinates");
        if ("Point".equals(node.path("type").asText()) && coordinates.isArray() && coordinates.size() == 2
                && coordinates.get(0).isNumber() && coordinates.get(1).isNumber()) {
            return "POINT (" + number(coordinates.get(0)) + " " + number(coordinates.get(1)) + ")";
        }
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = JSON.getFactory().createGenerator(text)) {
            JSON.writeTree(generator, node);
        }
        return text.toString();
    }

    /** The number's digits as sent, not re-rounded through a double. */
    private static String number(JsonNode value) {
        return value.isBigDecimal() || value.isDouble() || value.isFloat() ? value.numberValue().toString()
                : value.asText();
    }
}
