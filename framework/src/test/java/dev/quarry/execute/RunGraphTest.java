package dev.quarry.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.quarry.compile.ManifestNode;
import dev.quarry.graph.GraphNode;
import dev.quarry.graph.ModelGraph;
import dev.quarry.graph.ResourceType;

class RunGraphTest {

    private final Map<String, ManifestNode> nodes = new LinkedHashMap<>();
    private final List<ModelGraph.Dependency> edges = new ArrayList<>();

    private String add(ResourceType type, String name, String materialized, String... parents) {
        String id = type.selectorName() + ".p." + name;
        nodes.put(id, new ManifestNode(id, type, name, "p", name, null, List.of("p", name), "select 1", "select 1",
                "x", materialized == null ? Map.of() : Map.of("materialized", materialized), List.of(), "",
                List.of(), List.of(), List.of(), null, Map.of()));
        for (String parent : parents) {
            edges.add(new ModelGraph.Dependency(parent, id));
        }
        return id;
    }

    private String model(String name, String... parents) {
        return add(ResourceType.MODEL, name, "table", parents);
    }

    private String test(String name, String... tested) {
        return add(ResourceType.DATA_TEST, name, null, tested);
    }

    private RunGraph graph(boolean gateOnTests, String... inRun) {
        ModelGraph graph = ModelGraph.of(nodes.values().stream().map(node -> new GraphNode(node.uniqueId(),
                node.type(), node.name(), node.path(), node.fqn(), Set.of(), Map.of(), null)).toList(), edges);
        List<ManifestNode> run = inRun.length == 0 ? List.copyOf(nodes.values())
                : List.of(inRun).stream().map(nodes::get).toList();
        return RunGraph.of(graph, nodes, run, gateOnTests);
    }

    @Test
    void aNodeWaitsForWhatAnEphemeralModelInBetweenReads() {
        String orders = model("orders");
        String cleaned = add(ResourceType.MODEL, "cleaned", "ephemeral", orders);
        String totals = model("totals", cleaned);

        RunGraph graph = graph(false, orders, totals);

        assertThat(graph.parents(totals)).containsExactly(orders);
        assertThat(graph.descendants(orders)).containsExactly(totals);
    }

    @Test
    void parentsOutsideTheRunAreTakenAsBuilt() {
        String orders = model("orders");
        String totals = model("totals", orders);

        assertThat(graph(false, totals).parents(totals)).isEmpty();
    }

    @Test
    void inBuildANodeWaitsForTheDataTestsOfItsParents() {
        String orders = model("orders");
        String unique = test("unique_orders_id", orders);
        String totals = model("totals", orders);

        RunGraph graph = graph(true);

        assertThat(graph.parents(totals)).containsExactlyInAnyOrder(orders, unique);
        assertThat(graph.parents(unique)).containsExactly(orders);
        assertThat(graph.descendants(unique)).containsExactly(totals);
    }

    @Test
    void outsideBuildTestsGateNothing() {
        String orders = model("orders");
        test("unique_orders_id", orders);
        String totals = model("totals", orders);

        assertThat(graph(false).parents(totals)).containsExactly(orders);
    }

    @Test
    void aTestOfTwoNodesGatesOnlyWhatIsDownstreamOfBoth() {
        String dim = model("dim_location");
        String fct = model("fct_incidents", dim);
        String relationships = test("relationships_fct_dim", fct, dim);
        String mart = model("mart", fct);
        String other = model("other", dim);

        RunGraph graph = graph(true);

        assertThat(graph.parents(fct)).containsExactly(dim); // it is tested by it: waiting would be a cycle
        assertThat(graph.parents(mart)).contains(relationships);
        assertThat(graph.parents(other)).doesNotContain(relationships);
    }

    @Test
    void aSourcesTestsGateTheModelsThatReadIt() {
        String source = add(ResourceType.SOURCE, "raw.orders", null);
        String notNull = test("source_not_null_raw_orders_id", source);
        String staged = model("stg_orders", source);

        RunGraph graph = graph(true, notNull, staged);

        assertThat(graph.parents(staged)).containsExactly(notNull);
    }

    @Test
    void inBuildAModelWaitsForItsUnitTestsWhichWaitForNothing() {
        String orders = model("orders");
        String totals = model("totals", orders);
        String unit = add(ResourceType.UNIT_TEST, "sums_orders", null, totals);

        RunGraph graph = graph(true);

        assertThat(graph.parents(unit)).isEmpty();
        assertThat(graph.parents(totals)).containsExactlyInAnyOrder(orders, unit);
        assertThat(graph(false).parents(unit)).containsExactly(totals);
    }
}
