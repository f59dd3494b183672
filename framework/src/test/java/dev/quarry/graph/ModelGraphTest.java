package dev.quarry.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.quarry.graph.ModelGraph.Dependency;

class ModelGraphTest {

    private static GraphNode model(String id) {
        return new GraphNode(id, ResourceType.MODEL, id, "models/" + id + ".sql", List.of("proj", id), Set.of(),
                Map.of(), null);
    }

    /** A graph of models named by {@code ids}; each edge is written {@code "parent>child"}. */
    private static ModelGraph graph(List<String> ids, String... edges) {
        List<Dependency> dependencies = Arrays.stream(edges)
                .map(edge -> edge.split(">"))
                .map(ends -> new Dependency(ends[0], ends[1]))
                .toList();
        return ModelGraph.of(ids.stream().map(ModelGraphTest::model).toList(), dependencies);
    }

    @Test
    void aChainCycleIsReportedOnceFromItsSmallestMember() {
        ModelGraph graph = graph(List.of("c", "b", "a", "x"), "b>c", "c>a", "a>b", "x>a");

        assertThat(graph.cycles()).containsExactly(List.of("a", "b", "c", "a"));
    }

    @Test
    void aSelfLoopIsACycle() {
        ModelGraph graph = graph(List.of("a", "b"), "a>a", "a>b");

        assertThat(graph.cycles()).containsExactly(List.of("a", "a"));
    }

    @Test
    void separateCyclesAreSortedAndEachIsAShortestOne() {
        ModelGraph graph = graph(List.of("q", "p", "e", "f", "g"), "q>p", "p>q", "e>f", "f>g", "g>e", "f>e");

        assertThat(graph.cycles()).containsExactly(List.of("e", "f", "e"), List.of("p", "q", "p"));
    }

    @Test
    void anAcyclicGraphHasNoCycles() {
        assertThat(graph(List.of("a", "b", "c"), "a>b", "a>c", "b>c").cycles()).isEmpty();
    }

    @Test
    void topologicalOrderPutsParentsFirstAndKeepsTheGivenOrderForTies() {
        ModelGraph graph = graph(List.of("d", "c", "b", "a"), "a>b", "b>c");

        List<String> order = graph.topologicalOrder();

        assertThat(order).containsExactlyInAnyOrder("a", "b", "c", "d");
        assertThat(order.indexOf("a")).isLessThan(order.indexOf("b"));
        assertThat(order.indexOf("b")).isLessThan(order.indexOf("c"));
        assertThat(graph(List.of("z", "y", "x")).topologicalOrder()).containsExactly("z", "y", "x");
    }

    @Test
    void topologicalOrderFailsOnACycle() {
        ModelGraph graph = graph(List.of("a", "b"), "a>b", "b>a");

        assertThatThrownBy(graph::topologicalOrder).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ancestorsAndDescendantsStopAtTheGivenDepth() {
        ModelGraph graph = graph(List.of("a", "b", "c", "d", "e"), "a>b", "b>c", "c>d", "a>e");

        assertThat(graph.ancestors("d", 1)).containsExactly("c");
        assertThat(graph.ancestors("d", 2)).containsExactlyInAnyOrder("c", "b");
        assertThat(graph.ancestors("d", -1)).containsExactlyInAnyOrder("c", "b", "a");
        assertThat(graph.ancestors("a", -1)).isEmpty();
        assertThat(graph.descendants("a", 1)).containsExactlyInAnyOrder("b", "e");
        assertThat(graph.descendants("a", 2)).containsExactlyInAnyOrder("b", "e", "c");
        assertThat(graph.descendants("a", -1)).containsExactlyInAnyOrder("b", "e", "c", "d");
        assertThat(graph.descendants("a", 0)).isEmpty();
    }

    @Test
    void walksOnACycleNeverIncludeTheStartNode() {
        ModelGraph graph = graph(List.of("a", "b", "c"), "a>b", "b>c", "c>a");

        assertThat(graph.descendants("a", -1)).containsExactlyInAnyOrder("b", "c");
        assertThat(graph.ancestors("a", -1)).containsExactlyInAnyOrder("c", "b");
    }

    @Test
    void parentsAndChildrenAreDirectNeighboursSorted() {
        ModelGraph graph = graph(List.of("m", "z", "a", "k"), "z>m", "a>m", "m>k");

        assertThat(graph.parents("m")).containsExactly("a", "z");
        assertThat(graph.children("m")).containsExactly("k");
        assertThat(graph.size()).isEqualTo(4);
        assertThat(graph.node("k")).map(GraphNode::name).contains("k");
        assertThat(graph.node("nope")).isEmpty();
    }

    @Test
    void anEdgeToAnUnknownNodeIsRejected() {
        assertThatThrownBy(() -> graph(List.of("a"), "a>b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("edge to an unknown node: Dependency[parent=a, child=b]");
    }
}
