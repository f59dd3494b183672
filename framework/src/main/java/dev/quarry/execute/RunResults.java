package dev.quarry.execute;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every node's result of one run, in the order they finished.
 *
 * @param interrupted whether the run was cancelled (Ctrl-C) before it finished
 */
public record RunResults(Instant startedAt, Duration elapsed, List<NodeResult> results, boolean interrupted) {

    public RunResults {
        results = List.copyOf(results);
    }

    public long count(NodeStatus status) {
        return results.stream().filter(result -> result.status() == status).count();
    }

    public boolean hasFailures() {
        return results.stream().anyMatch(result -> result.status() == NodeStatus.ERROR
                || result.status() == NodeStatus.FAIL);
    }
}
