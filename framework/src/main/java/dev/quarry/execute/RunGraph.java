package dev.quarry.execute;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.quarry.compile.ManifestNode;
import dev.quarry.graph.ModelGraph;
import dev.quarry.graph.ResourceType;

/**
 * The dependencies among the nodes of one run. A node waits for its parents in the run; a parent outside the run is
 * taken as built, except an ephemeral model, which builds nothing: the node waits for that model's own parents.
 * <p>
 * In {@code build} ({@code gateOnTests}), tests gate what is downstream of what they test, as in dbt: a model's unit
 * tests run before it (their inputs are literal rows, so they wait for nothing), and a node waits for the data tests of
 * its parents (a test of several nodes, such as {@code relationships}, only for nodes downstream of all of them), so a
 * failing test skips everything downstream of the node it tests.
 */
final class RunGraph {

    private final Map<String, Set<String>> parents = new HashMap<>();
    private final Map<String, Set<String>> children = new HashMap<>();

    private RunGraph() {
    }

    static RunGraph of(ModelGraph graph, Map<String, ManifestNode> allNodes, List<ManifestNode> run,
            boolean gateOnTests) {
        RunGraph dependencies = new RunGraph();
        Set<String> inRun = new HashSet<>();
        run.forEach(node -> inRun.add(node.uniqueId()));
        for (ManifestNode node : run) {
            Set<String> own = node.type() == ResourceType.UNIT_TEST && gateOnTests ? new LinkedHashSet<>()
                    : parentsInRun(graph, allNodes, inRun, node.uniqueId());
            dependencies.parents.put(node.uniqueId(), own);
        }
        if (gateOnTests) {
            dependencies.addTestGates(graph, allNodes, run, inRun);
        }
        dependencies.parents.forEach((child, itsParents) -> itsParents.forEach(parent -> dependencies.children
                .computeIfAbsent(parent, key -> new LinkedHashSet<>()).add(child)));
        return dependencies;
    }

    private static Set<String> parentsInRun(ModelGraph graph, Map<String, ManifestNode> allNodes, Set<String> inRun,
            String id) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(graph.parents(id));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String parent = pending.pop();
            if (!seen.add(parent)) {
                continue;
            }
            if (inRun.contains(parent)) {
                found.add(parent);
            } else if (allNodes.get(parent) != null && allNodes.get(parent).isEphemeral()) {
                pending.addAll(graph.parents(parent));
            }
        }
        return found;
    }

    private void addTestGates(ModelGraph graph, Map<String, ManifestNode> allNodes, List<ManifestNode> run,
            Set<String> inRun) {
        Map<String, Set<String>> testsOf = new HashMap<>();
        for (ManifestNode node : run) {
            if (node.type() == ResourceType.DATA_TEST) {
                for (String tested : graph.parents(node.uniqueId())) {
                    testsOf.computeIfAbsent(tested, key -> new LinkedHashSet<>()).add(node.uniqueId());
                }
            } else if (node.type() == ResourceType.UNIT_TEST) {
                graph.parents(node.uniqueId()).stream().filter(inRun::contains)
                        .forEach(model -> parents.get(model).add(node.uniqueId()));
            }
        }
        if (testsOf.isEmpty()) {
            return;
        }
        for (ManifestNode node : run) {
            if (node.type() == ResourceType.DATA_TEST || node.type() == ResourceType.UNIT_TEST) {
                continue;
            }
            Set<String> upstream = null;
            // Its parents in the run, and those outside it whose tests run (a source's, a model not rebuilt).
            Set<String> tested = new LinkedHashSet<>(parents.get(node.uniqueId()));
            tested.addAll(graph.parents(node.uniqueId()));
            for (String parent : tested) {
                for (String test : testsOf.getOrDefault(parent, Set.of())) {
                    Set<String> testedByIt = graph.parents(test);
                    if (testedByIt.size() > 1) {
                        if (upstream == null) {
                            upstream = graph.ancestors(node.uniqueId(), -1);
                        }
                        if (!upstream.containsAll(testedByIt)) {
                            continue;
                        }
                    }
                    parents.get(node.uniqueId()).add(test);
                }
            }
        }
    }

    /** The node's parents in the run. */
    Set<String> parents(String id) {
        return parents.getOrDefault(id, Set.of());
    }

    /** The nodes that wait for this one. */
    Set<String> children(String id) {
        return children.getOrDefault(id, Set.of());
    }

    /** Everything in the run that waits for this node, directly or not. */
    Set<String> descendants(String id) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(children(id));
        while (!pending.isEmpty()) {
            String next = pending.pop();
            if (found.add(next)) {
                pending.addAll(children(next));
            }
        }
        return found;
    }
}
