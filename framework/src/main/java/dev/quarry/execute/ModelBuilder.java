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
import dev.quarry.compile.ManifestNode;
import dev.quarry.materialize.MaterializationException;
import dev.quarry.materialize.MaterializationResult;
import dev.quarry.materialize.Materializer;
import dev.quarry.materialize.ExistingRelations;
import dev.quarry.materialize.MaterializationRequest;
import dev.quarry.materialize.RelationTypes;
import dev.quarry.adapter.RelationType;

/** Builds a model with its materialization; an engine or planning failure is the node's ERROR, not an exception. */
public final class ModelBuilder implements NodeRunner {

    private final EngineDialect dialect;
    private final Materializer materializer = new Materializer();
    private final boolean fullRefresh;
    private final RelationTypes existingAtStart;
    private final SchemaPreparer schemas = new SchemaPreparer();

    /**
     * @param existingAtStart the relations the warehouse held when the run started, by their rendered names: a model
     *                        only replaces its own relation (and its own leftovers), so this stays true for it
     *                        during the run, and saves describing each relation again
     */
    public ModelBuilder(EngineDialect dialect, boolean fullRefresh, Map<String, RelationType> existingAtStart) {
        this.dialect = dialect;
        this.fullRefresh = fullRefresh;
        Map<String, RelationType> snapshot = Map.copyOf(existingAtStart);
        this.existingAtStart = relation -> Optional.ofNullable(snapshot.get(relation.rendered()));
    }

    @Override
    public NodeResult run(ManifestNode node, EngineSession session) {
        Instant started = Instant.now();
        long engineBefore = session.engineNanos();
        try {
            if (node.relation() != null && !"ephemeral".equals(node.materialized())) {
                schemas.prepare(session, node.relation());
            }
            List<String> checked = List.of();
            if (node.enforcesContract()) {
                ContractCheck.Queries queries = ContractCheck.queries(node);
                checked = List.of(queries.model(), queries.declared());
                Optional<String> broken = ContractCheck.violation(node, queries, session);
                if (broken.isPresent()) {
                    return failed(node, started, broken.get(), checked);
                }
            }
            ExistingRelations existing = materializer.existing(session, dialect, node, existingAtStart);
            MaterializationResult result = materializer.run(session, MaterializationRequest.of(node, dialect,
                    existing, fullRefresh).withHooks(hooks(node, "pre_hook"), hooks(node, "post_hook")));
            List<String> statements = new ArrayList<>(checked);
            statements.addAll(result.statements());
            long rows = result.rowsAffected().orElse(-1);
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("rows_affected", rows);
            response.put("code", result.summary());
            response.put("engine_ms", (session.engineNanos() - engineBefore) / 1_000_000.0);
            return new NodeResult(node.uniqueId(), NodeStatus.SUCCESS, started, Duration.between(started,
                    Instant.now()), rows, result.summary(), statements, response);
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
