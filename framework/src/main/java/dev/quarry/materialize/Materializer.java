package dev.quarry.materialize;

import java.util.List;
import java.util.Optional;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineDialect;
import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.EngineSession;
import dev.quarry.adapter.RelationInfo;
import dev.quarry.compile.ManifestNode;
import dev.quarry.template.Relation;

/**
 * Builds models on an engine session: describes what exists, plans with the model's {@link Materialization}, runs
 * the statements in order, and for incremental models describes the staged rows and runs the apply step. A failed
 * statement leaves the model's previous relation as it was (see {@link MaterializationPlan#onFailure()} and
 * {@link PlannedStatement#undo()}). Holds no state; one instance may serve every thread, each with its own session.
 */
public final class Materializer {

    /**
     * Builds one model: learns what exists with {@link EngineSession#describe}, then {@link #run runs} its plan.
     *
     * @param preHooks  rendered SQL to run before the build
     * @param postHooks rendered SQL to run after it
     * @throws MaterializationException when the model cannot be built (describing failed, planning refused, or the
     *                                  engine refused a statement); the previous relation is unchanged
     */
    public MaterializationResult build(EngineSession session, EngineDialect dialect, ManifestNode node,
            boolean fullRefresh, List<String> preHooks, List<String> postHooks) {
        ExistingRelations existing;
        try {
            existing = existing(session, dialect, node, RelationTypes.describing(session));
        } catch (EngineException failure) {
            throw MaterializationException.engineFailure(node, failure, List.of());
        }
        return run(session, MaterializationRequest.of(node, dialect, existing, fullRefresh)
                .withHooks(preHooks, postHooks));
    }

    /**
     * What the warehouse holds of a model: the types of its relation and of any leftovers of an interrupted build,
     * from {@code types}. An incremental model's relation is described by the session instead, since the apply step
     * needs its columns; other materializations need none and get none. An ephemeral model looks nothing up.
     */
    public ExistingRelations existing(EngineSession session, EngineDialect dialect, ManifestNode node,
            RelationTypes types) {
        Materialization materialization = Materialization.of(node);
        if (materialization instanceof EphemeralMaterialization) {
            return ExistingRelations.none();
        }
        Relation target = node.relation();
        Optional<RelationInfo> current = materialization instanceof IncrementalMaterialization
                ? session.describe(target)
                : types.typeOf(target).map(type -> new RelationInfo(type, List.of()));
        return new ExistingRelations(current,
                types.typeOf(dialect.withIdentifier(target,
                        target.identifier() + MaterializationRequest.TEMPORARY_SUFFIX)),
                types.typeOf(dialect.withIdentifier(target,
                        target.identifier() + MaterializationRequest.BACKUP_SUFFIX)));
    }

    /**
     * Plans the request and runs the plan; for an incremental model, describes the staged relation, plans the apply
     * step with its columns and runs that too.
     *
     * @return the statements executed (for {@code target/run/<model path>.sql}) and the rows the engine reported
     * @throws MaterializationException when planning finds the model cannot be built (nothing ran, or only the
     *                                  staging, which is dropped again) or the engine refuses a statement (what ran
     *                                  is undone); it carries the statements executed
     */
    public MaterializationResult run(EngineSession session, MaterializationRequest request) {
        Materialization materialization = Materialization.of(request.node());
        PlanRun run = new PlanRun(session, request.node());
        MaterializationPlan plan = materialization.plan(request);
        run.run(plan);
        if (plan.staged().isPresent()) {
            plan = applyStep(session, request, materialization, plan, run);
            run.run(plan);
        }
        return new MaterializationResult(run.executed(), run.rows(), plan.summary(),
                materialization.relationType());
    }

    /** Plans the second step from the staged relation's columns; on failure, drops the staged relation. */
    private static MaterializationPlan applyStep(EngineSession session, MaterializationRequest request,
            Materialization materialization, MaterializationPlan staging, PlanRun run) {
        Relation staged = staging.staged().orElseThrow();
        try {
            List<ColumnInfo> columns = session.describe(staged)
                    .orElseThrow(() -> new EngineException(staged + " was created but cannot be found", null))
                    .columns();
            MaterializationPlan apply = materialization.plan(request.withStagedColumns(columns));
            if (apply.staged().isPresent()) {
                throw new IllegalStateException("the apply step of " + request.node().uniqueId() + " stages again");
            }
            return apply;
        } catch (MaterializationException invalid) {
            run.cleanUp(staging.onFailure(), invalid);
            throw invalid.afterRunning(run.executed());
        } catch (EngineException failure) {
            run.cleanUp(staging.onFailure(), failure);
            throw MaterializationException.engineFailure(request.node(), failure, run.executed());
        }
    }
}
