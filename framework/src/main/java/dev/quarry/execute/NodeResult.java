package dev.quarry.execute;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How one node's run ended.
 *
 * @param rowsAffected rows the engine reported, or -1
 * @param message      what happened, for users: "created table ...", the engine's error, why it was skipped
 * @param statements   the statements executed, in order (written to {@code target/run/})
 * @param response     the adapter's response fields (rows affected, engine-specific values)
 */
public record NodeResult(String uniqueId, NodeStatus status, Instant startedAt, Duration duration, long rowsAffected,
        String message, List<String> statements, Map<String, Object> response) {

    public NodeResult {
        statements = List.copyOf(statements);
        response = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(response));
    }

    /**
     * The result with what the engine counted while the node ran (the difference of its usage counters:
     * {@code bytes_billed}, ...) and its last statement's fields ({@code job_id}) added to the response; itself when
     * the engine counts nothing or nothing changed.
     */
    public NodeResult withEngineUsage(Map<String, Long> before, Map<String, Long> after,
            Map<String, Object> lastResponse) {
        if (after.isEmpty() || after.equals(before)) {
            return this; // the engine counts nothing, or the node ran nothing on it (its last statement is another's)
        }
        Map<String, Object> merged = new java.util.LinkedHashMap<>(response);
        merged.putAll(lastResponse);
        after.forEach((name, total) -> merged.put(name, total - before.getOrDefault(name, 0L)));
        return new NodeResult(uniqueId, status, startedAt, duration, rowsAffected, message, statements, merged);
    }

    public static NodeResult skipped(String uniqueId, String message) {
        return new NodeResult(uniqueId, NodeStatus.SKIPPED, Instant.now(), Duration.ZERO, -1, message, List.of(),
                Map.of());
    }
}
