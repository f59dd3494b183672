package dev.quarry.artifacts;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.quarry.compile.CompiledProject;
import dev.quarry.compile.ManifestNode;
import dev.quarry.execute.NodeResult;
import dev.quarry.execute.RunResults;

/**
 * Writes {@code target/run_results.json} (versioned, dbt's shape: per node its status, timing, rows affected,
 * message, compiled and run paths, and the adapter's response). The statements each node ran go to
 * {@code target/run/<path>} as it finishes ({@link SqlFileWriter#run}).
 */
public final class RunResultsWriter {

    /** Bumped whenever the file's shape changes incompatibly. */
    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA_URL = "https://quarry.dev/schemas/run-results/v" + SCHEMA_VERSION + ".json";

    private final ObjectMapper mapper = new ObjectMapper();

    public Path write(CompiledProject compiled, RunResults results, String command, Path targetDir)
            throws IOException {
        Files.createDirectories(targetDir);
        Path file = targetDir.resolve("run_results.json");
        Path temporary = targetDir.resolve("run_results.json.tmp");
        try (OutputStream stream = Files.newOutputStream(temporary);
                JsonGenerator json = mapper.getFactory().createGenerator(stream, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeObjectFieldStart("metadata");
            json.writeStringField("quarry_schema_version", SCHEMA_URL);
            json.writeNumberField("schema_version", SCHEMA_VERSION);
            json.writeStringField("quarry_version", QuarryVersion.get());
            json.writeStringField("generated_at", Instant.now().toString());
            json.writeStringField("invocation_id", compiled.environment().invocationId());
            json.writeStringField("command", command);
            json.writeEndObject();
            json.writeNumberField("elapsed_time", results.elapsed().toMillis() / 1000.0);
            json.writeBooleanField("interrupted", results.interrupted());
            json.writeArrayFieldStart("results");
            for (NodeResult result : results.results()) {
                result(json, compiled.nodes().get(result.uniqueId()), result);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private static void result(JsonGenerator json, ManifestNode node, NodeResult result) throws IOException {
        json.writeStartObject();
        json.writeStringField("unique_id", result.uniqueId());
        json.writeStringField("status", result.status().label());
        json.writeArrayFieldStart("timing");
        json.writeStartObject();
        json.writeStringField("name", "execute");
        json.writeStringField("started_at", result.startedAt().toString());
        json.writeStringField("completed_at", result.startedAt().plus(result.duration()).toString());
        json.writeEndObject();
        json.writeEndArray();
        json.writeNumberField("execution_time", result.duration().toNanos() / 1_000_000_000.0);
        json.writeNumberField("rows_affected", result.rowsAffected());
        json.writeStringField("message", result.message());
        json.writeStringField("compiled_path", node == null || node.compiledCode() == null ? null
                : "target/compiled/" + node.sqlPath());
        json.writeStringField("run_path", result.statements().isEmpty() || node == null ? null
                : "target/run/" + node.sqlPath());
        json.writeFieldName("adapter_response");
        PlainJson.write(json, result.response());
        json.writeEndObject();
    }
}
