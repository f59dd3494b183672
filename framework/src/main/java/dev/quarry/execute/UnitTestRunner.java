package dev.quarry.execute;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.function.Supplier;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quarry.adapter.EngineAdapter;
import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.EngineSession;
import dev.quarry.adapter.QueryResult;
import dev.quarry.compile.ManifestNode;
import dev.quarry.unittest.FixtureRows;
import dev.quarry.unittest.RowComparator;
import dev.quarry.unittest.RowComparison;
import dev.quarry.unittest.UnitTestFixtures;

/**
 * Runs a model unit test: the model's SQL over the given rows, compared with the expected rows on the columns the
 * expectation names. PASS, FAIL with a readable diff, or ERROR with the engine's message.
 */
public final class UnitTestRunner implements NodeRunner, AutoCloseable {

    /** Rows fetched beyond the expected ones: enough to show what is too many, without reading a huge result. */
    private static final int EXTRA_ROWS = 1_000;

    private final Supplier<EngineAdapter> ownEngine;
    private final ThreadLocal<EngineSession> ownSession = new ThreadLocal<>();
    private final List<EngineSession> opened = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param ownEngine where the tests run when not on the sessions they are given (those of a remote target):
     *                  opened on first use, a session per worker thread; null to use the given sessions
     */
    public UnitTestRunner(Supplier<EngineAdapter> ownEngine) {
        this.ownEngine = ownEngine;
    }

    @Override
    public NodeResult run(ManifestNode test, EngineSession given) {
        EngineSession session = ownEngine == null ? given : ownSession();
        Instant started = Instant.now();
        long engineBefore = session.engineNanos();
        List<String> statements = List.of(test.compiledCode());
        try {
            FixtureRows expected = UnitTestFixtures.rows(UnitTestFixtures.expect(test.details()));
            QueryResult actual = session.query(test.compiledCode(), expected.rows().size() + EXTRA_ROWS);
            RowComparison comparison = RowComparator.compare(expected, actual,
                    Boolean.TRUE.equals(test.details().get("ordered")));
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("rows_returned", actual.rows().size());
            response.put("engine_ms", (session.engineNanos() - engineBefore) / 1_000_000.0);
            return new NodeResult(test.uniqueId(), comparison.passed() ? NodeStatus.PASS : NodeStatus.FAIL, started,
                    Duration.between(started, Instant.now()), -1, comparison.passed() ? "the rows are as expected"
                            : comparison.text(), statements, response);
        } catch (EngineException failure) {
            return new NodeResult(test.uniqueId(), NodeStatus.ERROR, started, Duration.between(started,
                    Instant.now()), -1, "the model's SQL failed on the given rows: " + failure.getMessage(),
                    statements, Map.of());
        }
    }

    private EngineSession ownSession() {
        EngineSession session = ownSession.get();
        if (session == null) {
            session = ownEngine.get().openSession();
            ownSession.set(session);
            opened.add(session);
        }
        return session;
    }

    /** Closes the sessions it opened (not the engine, which its owner closes). */
    @Override
    public void close() {
        synchronized (opened) {
            opened.forEach(EngineSession::close);
        }
    }
}
