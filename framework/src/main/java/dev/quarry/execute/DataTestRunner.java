package dev.quarry.execute;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.quarry.adapter.EngineDialect;
import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.EngineSession;
import dev.quarry.adapter.RelationInfo;
import dev.quarry.adapter.RelationType;
import dev.quarry.compile.ManifestNode;
import dev.quarry.error.DidYouMean;
import dev.quarry.project.Threshold;
import dev.quarry.template.Relation;

/**
 * Runs a data test: counts the rows its query returns (at most {@code limit}) and grades the count with its
 * {@code severity}, {@code error_if} and {@code warn_if}. With {@code store_failures} the failing rows are first saved
 * in {@code <target schema>_test_failures.<test name>}, replaced at each run.
 */
public final class DataTestRunner implements NodeRunner {

    private final EngineDialect dialect;
    private final String database;
    private final String failuresSchema;
    private final Map<String, ManifestNode> nodes;
    private final SchemaPreparer schemas = new SchemaPreparer();

    /**
     * @param nodes the project's nodes by unique id: a test that fails to run is checked against the columns of the
     *              node it tests
     */
    public DataTestRunner(EngineDialect dialect, String database, String targetSchema,
            Map<String, ManifestNode> nodes) {
        this.dialect = dialect;
        this.database = database;
        this.failuresSchema = targetSchema + "_test_failures";
        this.nodes = nodes;
    }

    @Override
    public NodeResult run(ManifestNode test, EngineSession session) {
        Instant started = Instant.now();
        long engineBefore = session.engineNanos();
        List<String> statements = new ArrayList<>();
        Relation stored = null;
        try {
            String failing = limited(test);
            String count;
            if (Boolean.TRUE.equals(test.config().get("store_failures"))) {
                stored = new Relation(database, failuresSchema, test.name(),
                        dialect.relation(database, failuresSchema, test.name()));
                schemas.prepare(session, stored);
                statements.add(dialect.dropIfExists(stored, RelationType.TABLE));
                statements.add(dialect.createTableAs(stored, failing));
                statements.forEach(session::execute);
                count = "select count(*) from " + stored.rendered();
            } else {
                count = "select count(*) from (" + failing + ") quarry_test";
            }
            statements.add(count);
            long failures = ((Number) session.query(count, 1).rows().get(0).get(0)).longValue();
            return graded(test, started, failures, stored, statements,
                    (session.engineNanos() - engineBefore) / 1_000_000.0);
        } catch (EngineException failure) {
            String message = missingColumn(test, session).orElse(failure.getMessage());
            return new NodeResult(test.uniqueId(), NodeStatus.ERROR, started, Duration.between(started,
                    Instant.now()), -1, message, statements, Map.of());
        }
    }

    private static String limited(ManifestNode test) {
        String sql = test.compiledCode().strip();
        Object limit = test.config().get("limit");
        return limit instanceof Number rows ? "select * from (" + sql + ") quarry_test_rows limit " + rows.longValue()
                : sql;
    }

    private NodeResult graded(ManifestNode test, Instant started, long failures, Relation stored,
            List<String> statements, double engineMillis) {
        Threshold errorIf = threshold(test, "error_if");
        Threshold warnIf = threshold(test, "warn_if");
        boolean errorSeverity = !"warn".equals(test.config().get("severity"));
        NodeStatus status;
        String message;
        if (errorSeverity && errorIf.holdsFor(failures)) {
            status = NodeStatus.FAIL;
            message = "Got " + rows(failures) + ", configured to fail if " + errorIf;
        } else if (warnIf.holdsFor(failures)) {
            status = NodeStatus.WARN;
            message = "Got " + rows(failures) + ", configured to warn if " + warnIf;
        } else {
            status = NodeStatus.PASS;
            message = failures == 0 ? "no failing rows" : "Got " + rows(failures) + ", within the thresholds";
        }
        if (stored != null && failures > 0) {
            message += "; failing rows stored in " + stored.rendered();
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("failures", failures);
        if (stored != null) {
            response.put("failures_relation", stored.rendered());
        }
        response.put("engine_ms", engineMillis);
        return new NodeResult(test.uniqueId(), status, started, Duration.between(started, Instant.now()), failures,
                message, statements, response);
    }

    private static Threshold threshold(ManifestNode test, String key) {
        return test.config().get(key) instanceof String text ? Threshold.parse(text).orElse(Threshold.ANY_FAILURE)
                : Threshold.ANY_FAILURE;
    }

    private static String rows(long count) {
        return count + (count == 1 ? " failing row" : " failing rows");
    }

    /**
     * When a column test failed to run because the tested relation lacks the column, says so plainly (with the
     * columns it has) instead of the engine's message about the generated query.
     */
    private Optional<String> missingColumn(ManifestNode test, EngineSession session) {
        if (!(test.details().get("column_name") instanceof String column)
                || !(test.details().get("attached_node") instanceof String attachedId)) {
            return Optional.empty();
        }
        ManifestNode attached = nodes.get(attachedId);
        if (attached == null || attached.relation() == null || attached.relation().rendered().contains("(")) {
            return Optional.empty();
        }
        try {
            Optional<RelationInfo> info = session.describe(attached.relation());
            if (info.isEmpty()) {
                return Optional.of(attached.name() + " (" + attached.relation().rendered()
                        + ") does not exist; build it first (quarry build runs it before its tests)");
            }
            List<String> columns = info.get().columns().stream().map(c -> c.name()).toList();
            if (columns.stream().anyMatch(name -> name.equalsIgnoreCase(column))) {
                return Optional.empty();
            }
            String hint = DidYouMean.hint(column, columns);
            return Optional.of(attached.name() + " has no column '" + column + "' (it has " + String.join(", ",
                    columns) + ")" + (hint != null ? "; " + hint : ""));
        } catch (EngineException cannotDescribe) {
            return Optional.empty();
        }
    }
}
