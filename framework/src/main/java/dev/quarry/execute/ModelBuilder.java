package dev.quarry.execute;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quarry.adapter.EngineDialect;
import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.EngineSession;
import dev.quarry.compile.ManifestNode;
import dev.quarry.materialize.MaterializationException;
import dev.quarry.materialize.MaterializationResult;
import dev.quarry.materialize.Materializer;

/** Builds a model with its materialization; an engine or planning failure is the node's ERROR, not an exception. */
public final class ModelBuilder implements NodeRunner {

    private final EngineDialect dialect;
    private final Materializer materializer = new Materializer();
    private final boolean fullRefresh;
    private final SchemaPreparer schemas = new SchemaPreparer();

    public ModelBuilder(EngineDialect dialect, boolean fullRefresh) {
        this.dialect = dialect;
        this.fullRefresh = fullRefresh;
    }

    @Override
    public NodeResult run(ManifestNode node, EngineSession session) {
        Instant started = Instant.now();
        try {
            if (node.relation() != null && !"ephemeral".equals(node.materialized())) {
                schemas.prepare(session, node.relation());
            }
            MaterializationResult result = materializer.build(session, dialect, node, fullRefresh,
                    hooks(node, "pre_hook"), hooks(node, "post_hook"));
            long rows = result.rowsAffected().orElse(-1);
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("rows_affected", rows);
            response.put("code", result.summary());
            return new NodeResult(node.uniqueId(), NodeStatus.SUCCESS, started, Duration.between(started,
                    Instant.now()), rows, result.summary(), result.statements(), response);
        } catch (MaterializationException failure) {
            return failed(node, started, failure.getMessage(), failure.statements());
        } catch (EngineException failure) {
            return failed(node, started, failure.getMessage(), List.of());
        }
    }

    private static NodeResult failed(ManifestNode node, Instant started, String message, List<String> statements) {
        return new NodeResult(node.uniqueId(), NodeStatus.ERROR, started, Duration.between(started, Instant.now()),
                -1, message, statements, Map.of());
    }

    /** The node's hooks as the compile pass rendered them. */
    @SuppressWarnings("unchecked")
    static List<String> hooks(ManifestNode node, String kind) {
        Object rendered = node.details().get("rendered_" + kind);
        return rendered instanceof List<?> list ? (List<String>) list : List.of();
    }
}
