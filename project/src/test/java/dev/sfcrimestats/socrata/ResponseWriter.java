package dev.sfcrimestats.socrata;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/**
 * Writes the fake's answers: rows as a JSON array streamed row by row into a chunked (optionally gzipped) body,
 * with Socrata's headers; and error statuses with Socrata's error JSON.
 */
final class ResponseWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();
    private static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private ResponseWriter() {
    }

    /** The rows of one answer and the headers describing them. */
    record Rows(List<String> fields, List<String> types, Instant lastModified, Iterator<Map<String, Object>> rows,
            SoqlSelect select) {
    }

    /**
     * Answers 200 and streams the rows (projected by the select), playing a body fault if given, and runs
     * {@code beforeEnd} after the last row but before the body ends: the client cannot send its next request
     * until then.
     *
     * @throws FaultyOutputStream.ExchangeAborted when a reset fault drops the connection
     */
    static void rows(HttpExchange exchange, Rows rows, boolean gzip, Fault fault, Runnable beforeEnd)
            throws IOException {
        headers(exchange, rows, gzip);
        exchange.sendResponseHeaders(200, 0);
        body(exchange.getResponseBody(), rows, gzip, fault, beforeEnd);
    }

    /** Answers 200 with a body rendered before ({@link #body}), sent whole. */
    static void rendered(HttpExchange exchange, Rows rows, boolean gzip, byte[] body) throws IOException {
        headers(exchange, rows, gzip);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void headers(HttpExchange exchange, Rows rows, boolean gzip) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", CONTENT_TYPE);
        headers.set("X-SODA2-Fields", JSON.writeValueAsString(rows.fields()));
        headers.set("X-SODA2-Types", JSON.writeValueAsString(rows.types()));
        headers.set("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                rows.lastModified().atOffset(ZoneOffset.UTC)));
        if (gzip) {
            headers.set("Content-Encoding", "gzip");
        }
    }

    /** Streams the rows (projected by the select) as a JSON array into {@code out}, playing a body fault if given. */
    static void body(OutputStream out, Rows rows, boolean gzip, Fault fault, Runnable beforeEnd) throws IOException {
        OutputStream body = gzip ? new FastGzip(out) : out;
        FaultyOutputStream faulty = new FaultyOutputStream(body, fault);
        JsonGenerator generator = FACTORY.createGenerator(faulty);
        generator.writeStartArray();
        while (rows.rows().hasNext()) {
            writeRow(generator, rows.select().project(rows.rows().next()));
        }
        generator.writeEndArray();
        generator.flush();
        beforeEnd.run();
        generator.close();
    }

    /** Answers an error status with Socrata's error JSON. */
    static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        ObjectNode error = JSON.createObjectNode().put("code", code).put("error", true).put("message", message);
        byte[] body = JSON.writeValueAsBytes(error);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Answers a status with no body (Socrata's 202 "still processing"). */
    static void empty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static void writeRow(JsonGenerator generator, Map<String, Object> row) throws IOException {
        generator.writeStartObject();
        for (Map.Entry<String, Object> field : row.entrySet()) {
            generator.writeFieldName(field.getKey());
            writeValue(generator, field.getValue());
        }
        generator.writeEndObject();
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(JsonGenerator generator, Object value) throws IOException {
        if (value instanceof Map) {
            writeRow(generator, (Map<String, Object>) value);
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object item : list) {
                writeValue(generator, item);
            }
            generator.writeEndArray();
        } else if (value instanceof Boolean flag) {
            generator.writeBoolean(flag);
        } else if (value instanceof Double number) {
            generator.writeNumber(number);
        } else if (value instanceof Number number) {
            generator.writeNumber(number.toString());
        } else {
            generator.writeString(String.valueOf(value));
        }
    }

    // Fastest compression: the fake must not be the bottleneck of the benchmark it serves. Sync flush lets a fault
    // push what came before it to the client.
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024, true);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
