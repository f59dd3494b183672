package dev.quarry.bigquery.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.quarry.adapter.Dialects;
import dev.quarry.compile.CompileCache;
import dev.quarry.compile.CompileOptions;
import dev.quarry.compile.CompiledProject;
import dev.quarry.compile.Compiler;
import dev.quarry.compile.ManifestNode;
import dev.quarry.error.Diagnostics;
import dev.quarry.project.Project;

/**
 * The SQL of incremental models as a later run renders it, with {@code is_incremental()} true, and their hooks as that
 * run renders them: {@code compile} never connects, so it renders only the first run. Compiled in-process as a run
 * would, with every incremental model's relation taken to exist.
 */
final class IncrementalRuns {

    private IncrementalRuns() {
    }

    /**
     * One node per incremental model of {@code nodes}: named after the model, depending on it (so it is analyzed
     * once the model's table is in the catalog), with the SQL of an incremental run; then one per hook of that run
     * ({@code pre_hook}, {@code post_hook}), depending on the model and what it reads.
     */
    static List<ProjectNode> of(Project project, List<ProjectNode> nodes) {
        List<ProjectNode> incremental = nodes.stream().filter(node -> "incremental".equals(node.materialized()))
                .toList();
        if (incremental.isEmpty()) {
            return List.of();
        }
        Set<String> existing = Set.copyOf(incremental.stream().map(ProjectNode::renderedRelation).toList());
        CompileOptions options = new CompileOptions(List.of(), List.of(), Map.of(), "2026-01-02 03:04:05.678",
                "incremental-run", existing, false, true);
        CompiledProject compiled = new Compiler(Dialects.forType(project.target().type()), CompileCache.empty())
                .compile(project, options, new Diagnostics());
        List<ProjectNode> runs = new ArrayList<>();
        for (ProjectNode model : incremental) {
            ManifestNode run = compiled.nodes().get(model.uniqueId());
            runs.add(new ProjectNode(model.uniqueId() + "#incremental", "incremental run", model.name(),
                    model.path(), null, run.compiledCode(), List.of(model.uniqueId()), List.of(), null,
                    model.materialized(), Map.of(), Map.of(), null));
            for (String kind : List.of("pre_hook", "post_hook")) {
                List<String> hooks = renderedHooks(run, kind);
                for (int index = 0; index < hooks.size(); index++) {
                    List<String> reads = new ArrayList<>(model.dependsOn());
                    reads.add(0, model.uniqueId());
                    runs.add(new ProjectNode(model.uniqueId() + "#incremental#" + kind + "[" + index + "]",
                            "incremental run hook", model.name(), model.path(), kind + "[" + index + "]",
                            hooks.get(index), reads, List.of(), null, model.materialized(), Map.of(), Map.of(),
                            null));
                }
            }
        }
        return runs;
    }

    @SuppressWarnings("unchecked")
    private static List<String> renderedHooks(ManifestNode node, String kind) {
        Object rendered = node.details().get("rendered_" + kind);
        return rendered instanceof List<?> list ? (List<String>) list : List.of();
    }
}
