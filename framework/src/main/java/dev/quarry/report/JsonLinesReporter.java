package dev.quarry.report;

import java.io.PrintStream;
import java.time.Instant;

import dev.quarry.error.Diagnostic;

/**
 * One JSON object per line ({@code --log-format json}), for log collectors such as Cloud Logging: {@code ts},
 * {@code severity}, {@code message}, and the location fields of a diagnostic.
 */
public final class JsonLinesReporter implements Reporter {

    private final PrintStream out;

    public JsonLinesReporter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void info(String message) {
        emit("INFO", message, null);
    }

    @Override
    public synchronized void event(String message, java.util.Map<String, Object> fields) {
        StringBuilder json = new StringBuilder(160).append('{');
        field(json, "ts", Instant.now().toString()).append(',');
        field(json, "severity", "INFO").append(',');
        field(json, "message", message);
        fields.forEach((name, value) -> {
            json.append(',');
            if (value instanceof Number || value instanceof Boolean) {
                json.append('"').append(name).append("\":").append(value);
            } else {
                field(json, name, String.valueOf(value));
            }
        });
        out.println(json.append('}'));
    }

    @Override
    public void diagnostic(Diagnostic diagnostic) {
        emit(diagnostic.isError() ? "ERROR" : "WARNING", diagnostic.message(), diagnostic);
    }

    @Override
    public void failure(String message) {
        emit("ERROR", message, null);
    }

    @Override
    public void output(String line) {
        emit("INFO", line, null);
    }

    private synchronized void emit(String severity, String message, Diagnostic diagnostic) {
        StringBuilder json = new StringBuilder(128).append('{');
        field(json, "ts", Instant.now().toString()).append(',');
        field(json, "severity", severity).append(',');
        field(json, "message", message);
        if (diagnostic != null) {
            json.append(',');
            field(json, "file", diagnostic.location().file()).append(',');
            json.append("\"line\":").append(diagnostic.location().line()).append(',');
            json.append("\"column\":").append(diagnostic.location().column());
            if (diagnostic.hint() != null) {
                json.append(',');
                field(json, "hint", diagnostic.hint());
            }
        }
        out.println(json.append('}'));
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":\"");
        for (int index = 0; index < value.length(); index++) {
            char character = value.charAt(index);
            switch (character) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (character < 0x20) {
                        json.append(String.format("\\u%04x", (int) character));
                    } else {
                        json.append(character);
                    }
                }
            }
        }
        return json.append('"');
    }
}
