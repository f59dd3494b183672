package dev.quarry.artifacts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;

import dev.quarry.compile.CompiledProject;
import dev.quarry.compile.ManifestNode;
import dev.quarry.execute.NodeResult;
import dev.quarry.execute.RunResults;

/**
 * Writes {@code target/run_results.json} (versioned, dbt's shape: the command's arguments, and per node its status,
 * timing, rows affected, message, compiled and run paths, and the adapter's response). The statements each node ran
 * go to {@code target/run/<path>} as it finishes ({@link SqlFileWriter#run}).
 */
public final class RunResultsWriter {

    /** Bumped whenever the file's shape changes incompatibly. */
    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA_URL = "https://quarry.dev/schemas/run-results/v" + SCHEMA_VERSION + ".json";

    /**
     * @param args the command's arguments ({@code select}, {@code exclude}, {@code full_refresh}, {@code target},
     *             ...), as {@code quarry retry} reads them back
     */
    public Path write(CompiledProject compiled, RunResults results, String command, Map<String, Object> args,
            Path targetDir) throws IOException {
        return JsonArtifact.write(targetDir, "run_results.json", SCHEMA_URL, compiled.environment().invocationId(),
                metadata -> {
                    metadata.writeNumberField("schema_version", SCHEMA_VERSION);
                    metadata.writeStringField("command", command);
                }, json -> {
                    json.writeFieldName("args");
                    PlainJson.write(json, args);
                    json.writeNumberField("elapsed_time", results.elapsed().toMillis() / 1000.0);
                    json.writeBooleanField("interrupted", results.interrupted());
                    json.writeArrayFieldStart("results");
                    for (NodeResult result : results.results()) {
                        result(json, compiled.nodes().get(result.uniqueId()), result);
                    }
                    json.writeEndArray();
                });
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
