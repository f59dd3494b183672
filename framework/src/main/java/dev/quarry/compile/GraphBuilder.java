package dev.quarry.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quarry.error.DidYouMean;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.SourceLocation;
import dev.quarry.graph.GraphNode;
import dev.quarry.graph.ModelGraph;
import dev.quarry.graph.ResourceType;
import dev.quarry.project.ExposureDefinition;
import dev.quarry.project.Project;

/**
 * Joins the nodes into the dependency graph: each reference becomes an edge; references to disabled or unknown nodes
 * and cycles are errors, each cycle named by its chain ({@code a > b > c > a}) with the file of every member.
 */
final class GraphBuilder {

    private final Project project;
    private final Diagnostics diagnostics;
    private final Map<String, ManifestNode> nodes = new LinkedHashMap<>();
    private final Map<String, String> idsByRefName = new LinkedHashMap<>();

    GraphBuilder(Project project, Diagnostics diagnostics) {
        this.project = project;
        this.diagnostics = diagnostics;
    }

    void add(ManifestNode node) {
        nodes.put(node.uniqueId(), node);
        if (node.type() == ResourceType.MODEL || node.type() == ResourceType.SEED) {
            idsByRefName.put(node.name(), node.uniqueId());
        }
    }

    Map<String, ManifestNode> nodes() {
        return nodes;
    }

    ManifestNode exposure(ExposureDefinition exposure, String description) {
        List<Reference> references = new ArrayList<>();
        for (ExposureDefinition.Reference reference : exposure.dependsOn()) {
            ReferenceExpression.parse(reference.expression()).ifPresentOrElse(references::add,
                    () -> diagnostics.error(reference.location(), "depends_on entry '" + reference.expression()
                            + "' must be ref('model') or source('source', 'table')",
                            "write \"ref('mart_incidents_daily')\""));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", exposure.type());
        details.put("owner", exposure.owner());
        details.put("label", exposure.label());
        details.put("url", exposure.url());
        details.put("maturity", exposure.maturity());
        details.put("meta", exposure.meta());
        details.put("defined_at", exposure.location().toString());
        return new ManifestNode(NodeIds.exposure(project.name(), exposure.name()), ResourceType.EXPOSURE,
                exposure.name(), project.name(), exposure.file(), exposure.file(),
                List.of(project.name(), exposure.name()), null, null,
                Checksums.sha256(exposure.name(), String.valueOf(exposure.dependsOn())),
                Map.of("enabled", true, "tags", exposure.tags()), exposure.tags(), description, List.of(),
                references, List.of(), null, details);
    }

    /** Resolves every node's references to ids, builds the graph, and reports cycles. */
    ModelGraph build() {
        List<ModelGraph.Dependency> edges = new ArrayList<>();
        for (ManifestNode node : List.copyOf(nodes.values())) {
            List<String> dependsOn = new ArrayList<>();
            for (Reference reference : node.references()) {
                String parent = resolve(reference, node);
                if (parent != null && !dependsOn.contains(parent)) {
                    dependsOn.add(parent);
                    edges.add(new ModelGraph.Dependency(parent, node.uniqueId()));
                }
            }
            nodes.put(node.uniqueId(), withDependsOn(node, dependsOn));
        }
        List<GraphNode> graphNodes = nodes.values().stream().map(GraphBuilder::graphNode).toList();
        ModelGraph graph = ModelGraph.of(graphNodes, edges);
        for (List<String> cycle : graph.cycles()) {
            reportCycle(cycle);
        }
        return graph;
    }

    private String resolve(Reference reference, ManifestNode from) {
        if (reference.isRef()) {
            String id = idsByRefName.get(reference.name());
            if (id == null) {
                SourceLocation where = from.rawCode() == null && from.patchPath() != null
                        ? SourceLocation.of(from.patchPath()) : ReferenceLocator.locate(from, reference.name());
                String hint = DidYouMean.hint(reference.name(), idsByRefName.keySet());
                diagnostics.error(where, describe(from) + " refers to '" + reference.name()
                        + "', which is not an enabled model or seed", hint != null ? hint
                        : "create it, enable it, or remove the reference");
            }
            return id;
        }
        String id = NodeIds.source(project.name(), reference.parts().get(0), reference.parts().get(1));
        if (!nodes.containsKey(id)) {
            diagnostics.error(ReferenceLocator.locate(from, reference.parts().get(1)), describe(from)
                    + " refers to source('"
                    + reference.parts().get(0) + "', '" + reference.parts().get(1) + "'), which is not declared",
                    "declare it under 'sources:' in a .yml file");
            return null;
        }
        return id;
    }

    private static String describe(ManifestNode node) {
        return node.type().selectorName().replace('_', ' ') + " '" + node.name() + "'";
    }

    /**
     * Reports a cycle in the order users write it: {@code a > b > a} means a refs b and b refs a; the error points at
     * the first of those ref() calls and the hint lists each of them.
     */
    private void reportCycle(List<String> parentToChild) {
        List<String> cycle = new ArrayList<>(parentToChild);
        java.util.Collections.reverse(cycle);
        List<String> names = cycle.stream().map(id -> nodes.get(id).name()).toList();
        List<String> calls = new ArrayList<>();
        SourceLocation first = null;
        for (int index = 0; index < cycle.size() - 1; index++) {
            ManifestNode member = nodes.get(cycle.get(index));
            ManifestNode referenced = nodes.get(cycle.get(index + 1));
            SourceLocation call = ReferenceLocator.locate(member, referenced.name());
            first = first == null ? call : first;
            calls.add(member.name() + " refs " + referenced.name() + " at " + call);
        }
        diagnostics.error(first, "dependency cycle: " + String.join(" > ", names),
                "remove one of these refs: " + String.join(", ", calls));
    }

    private static ManifestNode withDependsOn(ManifestNode node, List<String> dependsOn) {
        return new ManifestNode(node.uniqueId(), node.type(), node.name(), node.packageName(), node.path(),
                node.patchPath(), node.fqn(), node.rawCode(), node.compiledCode(), node.checksum(), node.config(),
                node.tags(), node.description(), node.columns(), node.references(), dependsOn, node.relation(),
                node.details());
    }

    private static GraphNode graphNode(ManifestNode node) {
        String sourceName = node.type() == ResourceType.SOURCE ? node.fqn().get(1) : null;
        Map<String, Object> config = new LinkedHashMap<>();
        node.config().forEach((key, value) -> {
            if (value != null) {
                config.put(key, value);
            }
        });
        String testName = node.details().get("test_metadata") instanceof Map<?, ?> test
                ? String.valueOf(test.get("name")) : null;
        return new GraphNode(node.uniqueId(), node.type(), node.name(), node.path(), node.fqn(),
                new java.util.LinkedHashSet<>(node.tags()), config, sourceName, testName);
    }
}
