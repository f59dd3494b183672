package dev.quarry.compile;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.quarry.error.Diagnostic;
import dev.quarry.graph.ModelGraph;
import dev.quarry.project.Project;
import dev.quarry.template.RenderEnvironment;

/**
 * The in-memory manifest: every node with its config and dependencies, the compiled SQL of the selected ones, and
 * the warnings found on the way.
 *
 * @param nodes    by unique id, in graph order
 * @param selected the unique ids the selection chose, in graph order
 * @param warnings warnings (errors would have stopped compiling)
 * @param statistics how much work the compile did, for the summary line and the benchmarks
 * @param onRunStart the project's on-run-start hooks, rendered
 * @param onRunEnd   the project's on-run-end hooks, rendered
 * @param rendered   what the templates rendered for the nodes (their SQL, descriptions, hooks, relation names) read
 *                   from outside the project: {@code source_has_files} answers, and whether they used
 *                   {@code run_started_at} or {@code invocation_id} (then they differ from one compile to the next)
 */
public record CompiledProject(Project project, String engineType, RenderEnvironment environment, ModelGraph graph,
        Map<String, ManifestNode> nodes, Set<String> selected, List<Diagnostic> warnings, Statistics statistics,
        List<String> onRunStart, List<String> onRunEnd, dev.quarry.template.RenderTrace rendered) {

    public CompiledProject {
        nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
        selected = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(selected));
        warnings = List.copyOf(warnings);
        onRunStart = List.copyOf(onRunStart);
        onRunEnd = List.copyOf(onRunEnd);
    }

    /** The same project with some nodes replaced (unit tests completed after compiling, for example). */
    public CompiledProject withNodes(Map<String, ManifestNode> replaced) {
        return new CompiledProject(project, engineType, environment, graph, replaced, selected, warnings, statistics,
                onRunStart, onRunEnd, rendered);
    }

    /**
     * @param rendered  templates rendered in the compile pass (not taken from the cache)
     * @param cached    compiled nodes taken from the cache
     */
    public record Statistics(int rendered, int cached) {
    }
}
