package dev.quarry.artifacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.quarry.execute.NodeResult;
import dev.quarry.execute.NodeStatus;
import dev.quarry.execute.RunResults;

/**
 * Reads back the {@code target/run_results.json} that {@link RunResultsWriter} wrote: per node its status, start,
 * duration, rows affected and message (the statements and the adapter's response are not needed by readers and are
 * left out). The run's start is its earliest node's.
 */
public final class RunResultsReader {

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @return the results, or empty when the file does not exist
     * @throws IOException when the file cannot be read or is not a run results file of a known schema
     */
    public Optional<RunResults> read(Path targetDir) throws IOException {
        return readLast(targetDir).map(LastRun::results);
    }

    /**
     * The command that wrote the file, its arguments and its results.
     *
     * @param command the command ({@code run}, {@code build}, ...)
     * @param args    its arguments as {@link RunResultsWriter} recorded them; empty for a file written before they were
     */
    public record LastRun(String command, Map<String, Object> args, RunResults results) {
    }

    /**
     * @return what the file says, or empty when it does not exist
     * @throws IOException when the file cannot be read or is not a run results file of a known schema
     */
    @SuppressWarnings("unchecked")
    public Optional<LastRun> readLast(Path targetDir) throws IOException {
        Path file = targetDir.resolve("run_results.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode json = mapper.readTree(file.toFile());
        String schema = json.at("/metadata/quarry_schema_version").asText();
        if (!schema.equals(RunResultsWriter.SCHEMA_URL)) {
            throw new IOException(file + ": not a run results file of schema " + RunResultsWriter.SCHEMA_URL);
        }
        Map<String, Object> args = json.path("args").isObject()
                ? mapper.convertValue(json.get("args"), Map.class) : Map.of();
        return Optional.of(new LastRun(json.at("/metadata/command").asText(""), args, results(json)));
    }

    private static RunResults results(JsonNode json) {
        List<NodeResult> results = new ArrayList<>();
        Instant started = Instant.parse(json.at("/metadata/generated_at").asText());
        for (JsonNode entry : json.path("results")) {
            NodeResult result = result(entry);
            results.add(result);
            started = result.startedAt().isBefore(started) ? result.startedAt() : started;
        }
        Duration elapsed = Duration.ofNanos((long) (json.path("elapsed_time").asDouble() * 1e9));
        return new RunResults(started, elapsed, results, json.path("interrupted").asBoolean());
    }

    private static NodeResult result(JsonNode entry) {
        NodeStatus status = NodeStatus.valueOf(entry.path("status").asText().toUpperCase(Locale.ROOT));
        JsonNode timing = entry.path("timing").path(0);
        Instant startedAt = timing.hasNonNull("started_at") ? Instant.parse(timing.get("started_at").asText())
                : Instant.EPOCH;
        Duration duration = Duration.ofNanos((long) (entry.path("execution_time").asDouble() * 1e9));
        String message = entry.hasNonNull("message") ? entry.get("message").asText() : null;
        return new NodeResult(entry.path("unique_id").asText(), status, startedAt, duration,
                entry.path("rows_affected").asLong(-1), message, List.of(), Map.of());
    }
}
