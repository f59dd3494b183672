package dev.quarry.execute;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.quarry.adapter.EngineAdapter;
import dev.quarry.adapter.EngineSession;
import dev.quarry.compile.ManifestNode;
import dev.quarry.graph.ModelGraph;

/**
 * Runs nodes in dependency order on {@code threads} workers, each with its own engine session. A node starts when
 * every parent in the run has succeeded; a node that fails marks all its descendants in the run SKIPPED, and
 * independent branches go on. With fail-fast, nothing new starts after the first failure. {@link #cancel()} (Ctrl-C)
 * cancels the running statements and skips the rest.
 */
public final class Scheduler {

    private static final String FAIL_FAST = "not run: the run stopped after the first failure (--fail-fast)";

    private final EngineAdapter adapter;
    private final int threads;
    private final boolean failFast;
    private final ProgressListener listener;
    private final List<EngineSession> sessions = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean cancelled;
    private volatile boolean stoppedAfterFailure;

    public Scheduler(EngineAdapter adapter, int threads, boolean failFast, ProgressListener listener) {
        this.adapter = adapter;
        this.threads = Math.max(1, threads);
        this.failFast = failFast;
        this.listener = listener;
    }

    /**
     * Runs the nodes (given in dependency order) and returns when all have finished or been skipped.
     *
     * @param graph       the project's graph: parents outside {@code nodes} are taken as already built
     * @param allNodes    every node of the project by unique id (ephemeral models in between are looked through)
     * @param gateOnTests as {@code build} runs: tests gate what is downstream of what they test ({@link RunGraph})
     */
    public RunResults run(ModelGraph graph, Map<String, ManifestNode> allNodes, List<ManifestNode> nodes,
            boolean gateOnTests, NodeRunner runner) {
        Instant started = Instant.now();
        Map<String, ManifestNode> byId = new LinkedHashMap<>();
        nodes.forEach(node -> byId.put(node.uniqueId(), node));
        RunGraph dependencies = RunGraph.of(graph, allNodes, nodes, gateOnTests);
        Map<String, Set<String>> waitingFor = new HashMap<>();
        for (ManifestNode node : nodes) {
            waitingFor.put(node.uniqueId(), new HashSet<>(dependencies.parents(node.uniqueId())));
        }
        List<NodeResult> results = new ArrayList<>();
        Set<String> done = new HashSet<>();
        AtomicInteger startedCount = new AtomicInteger();
        ThreadLocal<EngineSession> session = new ThreadLocal<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "quarry-worker");
            thread.setDaemon(true);
            return thread;
        });
        ExecutorCompletionService<NodeResult> completion = new ExecutorCompletionService<>(pool);
        int running = 0;
        boolean stopping = false;
        try {
            for (ManifestNode node : nodes) {
                if (waitingFor.get(node.uniqueId()).isEmpty()) {
                    completion.submit(() -> runOne(node, runner, session, startedCount, byId.size()));
                    running++;
                }
            }
            while (running > 0) {
                NodeResult result = take(completion);
                running--;
                results.add(result);
                done.add(result.uniqueId());
                boolean failed = !result.status().letsDescendantsRun();
                stopping |= cancelled || stoppedAfterFailure;
                if (failed) {
                    skipDescendants(dependencies, result.uniqueId(), byId, done, results);
                }
                for (String child : dependencies.children(result.uniqueId())) {
                    Set<String> parents = waitingFor.get(child);
                    if (parents == null || done.contains(child)) {
                        continue;
                    }
                    parents.remove(result.uniqueId());
                    if (parents.isEmpty() && !stopping) {
                        ManifestNode next = byId.get(child);
                        completion.submit(() -> runOne(next, runner, session, startedCount, byId.size()));
                        running++;
                    }
                }
            }
        } finally {
            pool.shutdownNow();
            synchronized (sessions) {
                sessions.forEach(EngineSession::close);
            }
        }
        String reason = cancelled ? "interrupted before it could run" : FAIL_FAST;
        for (ManifestNode node : nodes) {
            if (!done.contains(node.uniqueId())) {
                results.add(NodeResult.skipped(node.uniqueId(), reason));
            }
        }
        return new RunResults(started, Duration.between(started, Instant.now()), results, cancelled);
    }

    private NodeResult runOne(ManifestNode node, NodeRunner runner, ThreadLocal<EngineSession> session,
            AtomicInteger startedCount, int total) {
        if (cancelled) {
            return NodeResult.skipped(node.uniqueId(), "interrupted before it could run");
        }
        if (stoppedAfterFailure) {
            return NodeResult.skipped(node.uniqueId(), FAIL_FAST);
        }
        EngineSession own = session.get();
        if (own == null) {
            own = adapter.openSession();
            session.set(own);
            sessions.add(own);
        }
        int index = startedCount.incrementAndGet();
        listener.started(node, index, total);
        own.currentNode(node.uniqueId());
        Map<String, Long> usageBefore = own.usage();
        NodeResult result = runner.run(node, own).withEngineUsage(usageBefore, own.usage(), own.lastResponse());
        own.currentNode(null);
        if (failFast && (result.status() == NodeStatus.ERROR || result.status() == NodeStatus.FAIL)) {
            // Set here, in the worker, so that a node already queued behind this one does not start either.
            stoppedAfterFailure = true;
        }
        listener.finished(node, result, index, total);
        return result;
    }

    private static NodeResult take(ExecutorCompletionService<NodeResult> completion) {
        try {
            Future<NodeResult> future = completion.take();
            return future.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a node", interrupted);
        } catch (ExecutionException bug) {
            throw new IllegalStateException("a node runner failed unexpectedly", bug.getCause());
        }
    }

    private static void skipDescendants(RunGraph dependencies, String failedId, Map<String, ManifestNode> byId,
            Set<String> done, List<NodeResult> results) {
        String failedName = byId.get(failedId).name();
        for (String descendant : dependencies.descendants(failedId)) {
            if (byId.containsKey(descendant) && done.add(descendant)) {
                results.add(NodeResult.skipped(descendant, "skipped because " + failedName + " failed"));
            }
        }
    }

    /** Cancels the run: running statements are cancelled and nothing new starts. Safe from any thread. */
    public void cancel() {
        cancelled = true;
        synchronized (sessions) {
            sessions.forEach(EngineSession::cancel);
        }
    }
}
