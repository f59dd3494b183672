package dev.quarry.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineAdapter;
import dev.quarry.adapter.EngineDialect;
import dev.quarry.adapter.EngineSession;
import dev.quarry.adapter.QueryResult;
import dev.quarry.adapter.RelationInfo;
import dev.quarry.adapter.RelationType;
import dev.quarry.adapter.duckdb.DuckDbDialect;
import dev.quarry.compile.ManifestNode;
import dev.quarry.graph.GraphNode;
import dev.quarry.graph.ModelGraph;
import dev.quarry.graph.ResourceType;
import dev.quarry.template.Relation;

class SchedulerTest {

    /** a -> b -> c, a -> d, and e on its own. */
    private final List<ManifestNode> nodes = List.of(node("a"), node("b"), node("c"), node("d"), node("e"));
    private final ModelGraph graph = ModelGraph.of(
            nodes.stream().map(node -> new GraphNode(node.uniqueId(), ResourceType.MODEL, node.name(),
                    "models/" + node.name() + ".sql", List.of("p", node.name()), Set.of(), Map.of(), null)).toList(),
            List.of(edge("a", "b"), edge("b", "c"), edge("a", "d")));
    private final FakeAdapter adapter = new FakeAdapter();

    private static ManifestNode node(String name) {
        return new ManifestNode("model.p." + name, ResourceType.MODEL, name, "p", "models/" + name + ".sql", null,
                List.of("p", name), "select 1", "select 1", "x", Map.of("materialized", "table"), List.of(), "",
                List.of(), List.of(), List.of(), null, Map.of());
    }

    private Map<String, ManifestNode> allNodes() {
        Map<String, ManifestNode> all = new java.util.LinkedHashMap<>();
        nodes.forEach(node -> all.put(node.uniqueId(), node));
        return all;
    }

    private static ModelGraph.Dependency edge(String parent, String child) {
        return new ModelGraph.Dependency("model.p." + parent, "model.p." + child);
    }

    private static NodeResult result(ManifestNode node, NodeStatus status) {
        return new NodeResult(node.uniqueId(), status, Instant.now(), Duration.ZERO, -1, status.label(), List.of(),
                Map.of());
    }

    private static Map<String, NodeStatus> statuses(RunResults results) {
        Map<String, NodeStatus> statuses = new java.util.TreeMap<>();
        results.results().forEach(result -> statuses.put(result.uniqueId().substring(8), result.status()));
        return statuses;
    }

    @Test
    void runsEveryNodeAfterItsParents() {
        List<String> order = Collections.synchronizedList(new ArrayList<>());

        RunResults results = new Scheduler(adapter, 2, false, ProgressListener.NONE).run(graph, allNodes(), nodes, false,
                (node, session) -> {
                    order.add(node.name());
                    return result(node, NodeStatus.SUCCESS);
                });

        assertThat(statuses(results)).containsOnlyKeys("a", "b", "c", "d", "e")
                .allSatisfy((name, status) -> assertThat(status).isEqualTo(NodeStatus.SUCCESS));
        assertThat(order.indexOf("a")).isLessThan(order.indexOf("b")).isLessThan(order.indexOf("d"));
        assertThat(order.indexOf("b")).isLessThan(order.indexOf("c"));
        assertThat(adapter.sessionsOpened).hasSizeBetween(1, 2);
        assertThat(adapter.sessionsOpened).allMatch(session -> session.closed);
    }

    @Test
    void aFailureSkipsItsDescendantsAndIndependentBranchesGoOn() {
        RunResults results = new Scheduler(adapter, 2, false, ProgressListener.NONE).run(graph, allNodes(), nodes, false,
                (node, session) -> result(node, node.name().equals("b") ? NodeStatus.ERROR : NodeStatus.SUCCESS));

        assertThat(statuses(results)).isEqualTo(new java.util.TreeMap<>(Map.of("a", NodeStatus.SUCCESS,
                "b", NodeStatus.ERROR, "c", NodeStatus.SKIPPED, "d", NodeStatus.SUCCESS, "e", NodeStatus.SUCCESS)));
        assertThat(results.results()).filteredOn(result -> result.uniqueId().equals("model.p.c"))
                .extracting(NodeResult::message).containsExactly("skipped because b failed");
        assertThat(results.hasFailures()).isTrue();
    }

    @Test
    void failFastStartsNothingNewAfterTheFirstFailure() {
        RunResults results = new Scheduler(adapter, 1, true, ProgressListener.NONE).run(graph, allNodes(), nodes, false,
                (node, session) -> result(node, node.name().equals("a") ? NodeStatus.ERROR : NodeStatus.SUCCESS));

        assertThat(statuses(results).get("a")).isEqualTo(NodeStatus.ERROR);
        assertThat(statuses(results)).containsOnlyKeys("a", "b", "c", "d", "e");
        assertThat(results.results()).filteredOn(result -> result.uniqueId().equals("model.p.e"))
                .extracting(NodeResult::status).containsExactly(NodeStatus.SKIPPED);
    }

    @Test
    void cancellingCancelsTheRunningStatementAndSkipsTheRest() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        Scheduler scheduler = new Scheduler(adapter, 1, false, ProgressListener.NONE);
        Thread canceller = new Thread(() -> {
            try {
                running.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            scheduler.cancel();
        });
        canceller.start();

        RunResults results = scheduler.run(graph, allNodes(), nodes, false, (node, session) -> {
            running.countDown();
            FakeSession fake = (FakeSession) session;
            boolean cancelled = fake.awaitCancel();
            return result(node, cancelled ? NodeStatus.ERROR : NodeStatus.SUCCESS);
        });
        canceller.join();

        assertThat(results.interrupted()).isTrue();
        assertThat(statuses(results).values()).containsOnlyOnce(NodeStatus.ERROR);
        assertThat(statuses(results).values()).filteredOn(status -> status == NodeStatus.SKIPPED).hasSize(4);
        assertThat(results.results()).filteredOn(result -> result.status() == NodeStatus.SKIPPED)
                .extracting(NodeResult::message).allMatch(message -> message.contains("interrupted")
                        || message.startsWith("skipped because"));
    }

    /** Opens fake sessions and remembers them. */
    private static final class FakeAdapter implements EngineAdapter {
        final Set<FakeSession> sessionsOpened = ConcurrentHashMap.newKeySet();

        @Override
        public EngineDialect dialect() {
            return new DuckDbDialect();
        }

        @Override
        public EngineSession openSession() {
            FakeSession session = new FakeSession();
            sessionsOpened.add(session);
            return session;
        }

        @Override
        public void close() {
        }
    }

    /** A session whose only real behaviour is waiting to be cancelled. */
    private static final class FakeSession implements EngineSession {
        private final CountDownLatch cancelled = new CountDownLatch(1);
        volatile boolean closed;

        boolean awaitCancel() {
            try {
                return cancelled.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public long execute(String sql) {
            return 0;
        }

        @Override
        public QueryResult query(String sql, int maxRows) {
            return new QueryResult(List.of(), List.of(), false);
        }

        @Override
        public Optional<RelationInfo> describe(Relation relation) {
            return Optional.empty();
        }

        @Override
        public Map<String, RelationType> listRelations(boolean withDatabase) {
            return Map.of();
        }

        @Override
        public void createSchemaIfMissing(String database, String schema) {
        }

        @Override
        public long appendRows(Relation table, List<ColumnInfo> columns, Iterator<Object[]> rows) {
            return 0;
        }

        @Override
        public void cancel() {
            cancelled.countDown();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
