package dev.quarry.graph;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies {@code --select} and {@code --exclude} to a graph, as dbt does with its default ("eager") indirect
 * selection: a data or unit test is added when any of its parents is selected, and, on the exclude side, removed
 * when any of its parents is excluded, so that {@code --exclude stg_x} also skips the tests of {@code stg_x}.
 */
public final class NodeSelector {

    /**
     * The ids of the selected nodes, in the graph's node order.
     *
     * @param select  the {@code --select} arguments; none (or only blanks) selects every node
     * @param exclude the {@code --exclude} arguments; none excludes nothing
     * @throws dev.quarry.error.UsageException when either has a malformed selector
     */
    public Set<String> select(ModelGraph graph, List<String> select, List<String> exclude) {
        Optional<SelectionExpression> included = SelectorParser.parse(select);
        Optional<SelectionExpression> excluded = SelectorParser.parse(exclude);
        Set<String> selected = included.isPresent()
                ? withAttachedTests(graph, included.get().evaluate(graph))
                : allIds(graph);
        excluded.ifPresent(expression -> selected.removeAll(withAttachedTests(graph, expression.evaluate(graph))));
        return inGraphOrder(graph, selected);
    }

    /**
     * The terms of the arguments that match no node by themselves, in order, so that the caller can warn about each
     * (dbt: "does not match any enabled nodes"). Tests added through their parents do not count as matches.
     *
     * @throws dev.quarry.error.UsageException when a term is malformed
     */
    public List<String> termsMatchingNothing(ModelGraph graph, List<String> arguments) {
        return SelectorParser.terms(arguments).stream()
                .filter(term -> SelectorParser.parseTerm(term).evaluate(graph).isEmpty())
                .toList();
    }

    /** The matched nodes plus every test one of whose parents was matched. */
    private static Set<String> withAttachedTests(ModelGraph graph, Set<String> matched) {
        Set<String> widened = new LinkedHashSet<>(matched);
        for (GraphNode node : graph.nodes()) {
            // Asks the test's few parents, not the many matched nodes (Collections.disjoint would walk those).
            if (node.type().isTest() && graph.parents(node.uniqueId()).stream().anyMatch(matched::contains)) {
                widened.add(node.uniqueId());
            }
        }
        return widened;
    }

    private static Set<String> allIds(ModelGraph graph) {
        Set<String> all = new LinkedHashSet<>();
        graph.nodes().forEach(node -> all.add(node.uniqueId()));
        return all;
    }

    private static Set<String> inGraphOrder(ModelGraph graph, Set<String> ids) {
        Set<String> ordered = new LinkedHashSet<>();
        graph.nodes().stream().map(GraphNode::uniqueId).filter(ids::contains).forEach(ordered::add);
        return Collections.unmodifiableSet(ordered);
    }
}
