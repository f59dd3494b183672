package dev.quarry.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * The dependency graph: an edge runs from a node to each node that depends on it (parent to child). Immutable once
 * built; may contain cycles, which {@link #cycles()} reports, and then has no {@link #topologicalOrder()}.
 */
public final class ModelGraph {

    private final Map<String, GraphNode> nodes;
    private final Graph<String, DefaultEdge> graph;

    private ModelGraph(Map<String, GraphNode> nodes, Graph<String, DefaultEdge> graph) {
        this.nodes = nodes;
        this.graph = graph;
    }

    /**
     * Builds the graph. Every edge's ends must be among the nodes.
     *
     * @param edges parent id to child id: the child depends on the parent
     */
    public static ModelGraph of(Collection<GraphNode> nodes, Collection<Dependency> edges) {
        Map<String, GraphNode> byId = new LinkedHashMap<>();
        Graph<String, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
        for (GraphNode node : nodes) {
            byId.put(node.uniqueId(), node);
            graph.addVertex(node.uniqueId());
        }
        for (Dependency edge : edges) {
            if (!byId.containsKey(edge.parent()) || !byId.containsKey(edge.child())) {
                throw new IllegalArgumentException("edge to an unknown node: " + edge);
            }
            if (!edge.parent().equals(edge.child()) || !graph.containsEdge(edge.parent(), edge.child())) {
                graph.addEdge(edge.parent(), edge.child());
            }
        }
        return new ModelGraph(byId, graph);
    }

    /** An edge of the graph: {@code child} depends on {@code parent}. */
    public record Dependency(String parent, String child) {
    }

    public Collection<GraphNode> nodes() {
        return nodes.values();
    }

    public Optional<GraphNode> node(String uniqueId) {
        return Optional.ofNullable(nodes.get(uniqueId));
    }

    public int size() {
        return nodes.size();
    }

    /** The nodes this node depends on directly, sorted. */
    public Set<String> parents(String uniqueId) {
        return new TreeSet<>(Graphs.predecessorListOf(graph, uniqueId));
    }

    /** The nodes that depend on this node directly, sorted. */
    public Set<String> children(String uniqueId) {
        return new TreeSet<>(Graphs.successorListOf(graph, uniqueId));
    }

    /** Ancestors up to {@code depth} edges away ({@code -1}: all), not including the node itself. */
    public Set<String> ancestors(String uniqueId, int depth) {
        return walk(uniqueId, depth, id -> Graphs.predecessorListOf(graph, id));
    }

    /** Descendants up to {@code depth} edges away ({@code -1}: all), not including the node itself. */
    public Set<String> descendants(String uniqueId, int depth) {
        return walk(uniqueId, depth, id -> Graphs.successorListOf(graph, id));
    }

    private Set<String> walk(String start, int depth, Function<String, List<String>> next) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> frontier = new ArrayDeque<>(List.of(start));
        for (int level = 0; (depth < 0 || level < depth) && !frontier.isEmpty(); level++) {
            Deque<String> following = new ArrayDeque<>();
            for (String id : frontier) {
                for (String neighbour : next.apply(id)) {
                    if (!neighbour.equals(start) && seen.add(neighbour)) {
                        following.add(neighbour);
                    }
                }
            }
            frontier = following;
        }
        return seen;
    }

    /**
     * Every cycle, once each, as the chain of its members starting at the smallest id and ending where it began:
     * {@code [a, b, c, a]}. One shortest cycle is given per strongly connected component.
     */
    public List<List<String>> cycles() {
        List<List<String>> cycles = new ArrayList<>();
        // One depth-first pass answers "is there any cycle?"; components are only worked out when there is one.
        if (!new CycleDetector<>(graph).detectCycles()) {
            return cycles;
        }
        for (Set<String> component : new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets()) {
            String first = new TreeSet<>(component).first();
            if (component.size() > 1 || graph.containsEdge(first, first)) {
                cycles.add(shortestCycleThrough(first, component));
            }
        }
        cycles.sort((left, right) -> left.get(0).compareTo(right.get(0)));
        return cycles;
    }

    private List<String> shortestCycleThrough(String start, Set<String> component) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String current = queue.removeFirst();
            for (String next : new TreeSet<>(Graphs.successorListOf(graph, current))) {
                if (next.equals(start)) {
                    List<String> chain = new ArrayList<>(List.of(start));
                    for (String at = current; !at.equals(start); at = cameFrom.get(at)) {
                        chain.add(1, at);
                    }
                    chain.add(start);
                    return chain;
                }
                if (component.contains(next) && !cameFrom.containsKey(next)) {
                    cameFrom.put(next, current);
                    queue.addLast(next);
                }
            }
        }
        throw new IllegalStateException("no cycle through " + start);
    }

    /** Every node, parents before children; ties in the order nodes were given. Fails on a cyclic graph. */
    public List<String> topologicalOrder() {
        List<String> order = new ArrayList<>(nodes.size());
        new TopologicalOrderIterator<>(graph).forEachRemaining(order::add);
        return order;
    }
}
