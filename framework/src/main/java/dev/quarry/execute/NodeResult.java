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

    public static NodeResult skipped(String uniqueId, String message) {
        return new NodeResult(uniqueId, NodeStatus.SKIPPED, Instant.now(), Duration.ZERO, -1, message, List.of(),
                Map.of());
    }
}
