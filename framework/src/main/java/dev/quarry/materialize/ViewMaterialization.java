package dev.quarry.materialize;

import java.util.List;
import java.util.Optional;

import dev.quarry.adapter.RelationType;
import dev.quarry.adapter.TableOptions;
import dev.quarry.materialize.PlannedStatement.Kind;

/**
 * {@code materialized: view}. A view that replaces a view (or nothing) is one {@code create or replace view}, atomic
 * on the engines; a view that replaces a table is built under the temporary name and swapped in (where the engine
 * replaces relations atomically, BigQuery, the table is dropped first: it cannot become a view in one step).
 */
public final class ViewMaterialization implements Materialization {

    static final String SUMMARY = "created view";

    @Override
    public MaterializationPlan plan(MaterializationRequest request) {
        PlanBuilder plan = new PlanBuilder().hooks(request.preHooks());
        String select = request.node().compiledCode();
        List<String> onFailure = List.of();
        if (request.dialect().replacesRelationsAtomically()) {
            TableOptions options = Layout.of(request);
            Replacement.replaceInPlace(request, RelationType.VIEW,
                    request.dialect().createOrReplaceView(request.target(), select, options), plan);
            Layout.describe(request, RelationType.VIEW, options, plan);
        } else if (request.existing().targetIs(RelationType.TABLE)) {
            Replacement.replace(request, RelationType.VIEW,
                    request.dialect().createView(request.temporary(), select), plan);
            onFailure = Replacement.onFailure(request, RelationType.VIEW);
        } else {
            Replacement.dropLeftoverTemporary(request, plan);
            plan.add(Kind.BUILD, request.existing().target().isPresent()
                    ? request.dialect().createOrReplaceView(request.target(), select)
                    : request.dialect().createView(request.target(), select));
            Replacement.dropLeftoverBackup(request, plan);
        }
        if (!request.dialect().replacesRelationsAtomically()) {
            Layout.describe(request, RelationType.VIEW, Layout.of(request), plan);
        }
        return plan.hooks(request.postHooks()).build(onFailure, SUMMARY);
    }

    @Override
    public Optional<RelationType> relationType() {
        return Optional.of(RelationType.VIEW);
    }
}
