package dev.quarry.artifacts;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonGenerator;

import dev.quarry.compile.CompiledProject;
import dev.quarry.compile.ManifestNode;
import dev.quarry.execute.NodeResult;
import dev.quarry.execute.NodeStatus;
import dev.quarry.execute.RunResults;

/**
 * Writes {@code target/sources.json}, the results of {@code quarry source freshness} in dbt's shape: per source table
 * its status ({@code pass}, {@code warn}, {@code error} when older than {@code error_after}, {@code runtime error}),
 * the newest load time, when it was checked, its age and the criteria.
 */
public final class SourcesJsonWriter {

    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA_URL = "https://quarry.dev/schemas/sources/v" + SCHEMA_VERSION + ".json";

    public Path write(CompiledProject compiled, RunResults results, Path targetDir) throws IOException {
        return JsonArtifact.write(targetDir, "sources.json", SCHEMA_URL, compiled.environment().invocationId(),
                metadata -> metadata.writeNumberField("schema_version", SCHEMA_VERSION), json -> {
                    json.writeNumberField("elapsed_time", results.elapsed().toMillis() / 1000.0);
                    json.writeArrayFieldStart("results");
                    for (NodeResult result : results.results()) {
                        result(json, compiled.nodes().get(result.uniqueId()), result);
                    }
                    json.writeEndArray();
                });
    }

    private static void result(JsonGenerator json, ManifestNode source, NodeResult result) throws IOException {
        json.writeStartObject();
        json.writeStringField("unique_id", result.uniqueId());
        json.writeStringField("status", status(result.status()));
        json.writeFieldName("max_loaded_at");
        PlainJson.write(json, result.response().get("max_loaded_at"));
        json.writeFieldName("snapshotted_at");
        PlainJson.write(json, result.response().get("snapshotted_at"));
        json.writeFieldName("max_loaded_at_time_ago_in_s");
        PlainJson.write(json, result.response().get("max_loaded_at_time_ago_in_s"));
        json.writeStringField("message", result.message());
        json.writeFieldName("criteria");
        PlainJson.write(json, source == null ? null : source.details().get("freshness"));
        json.writeNumberField("execution_time", result.duration().toNanos() / 1_000_000_000.0);
        json.writeEndObject();
    }

    private static String status(NodeStatus status) {
        return switch (status) {
            case PASS, SUCCESS -> "pass";
            case WARN -> "warn";
            case FAIL -> "error";
            case ERROR -> "runtime error";
            case SKIPPED -> "skipped";
        };
    }
}
