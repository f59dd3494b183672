package dev.quarry.compile;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.quarry.project.ObservedEnvironment;

/**
 * What a compile is asked to do.
 *
 * @param select             {@code -s} arguments; empty selects everything
 * @param exclude            {@code --exclude} arguments
 * @param environment        the environment variables templates read
 * @param runStartedAt       {@code run_started_at} for templates
 * @param invocationId       {@code invocation_id} for templates
 * @param existingRelations  rendered relations that already exist in the warehouse, for {@code is_incremental()};
 *                           empty when compiling without a connection
 * @param fullRefresh        {@code --full-refresh}: {@code is_incremental()} is false everywhere
 * @param renderSql          false to stop after the graph (for {@code ls}): no compile pass, no SQL check
 */
public record CompileOptions(List<String> select, List<String> exclude, Map<String, String> environment,
        String runStartedAt, String invocationId, Set<String> existingRelations, boolean fullRefresh, boolean renderSql) {

    public CompileOptions {
        select = List.copyOf(select);
        exclude = List.copyOf(exclude);
        // An observed environment is kept as it is: it notes what the command looks up.
        environment = environment instanceof ObservedEnvironment ? environment : Map.copyOf(environment);
        existingRelations = Set.copyOf(existingRelations);
    }
}
