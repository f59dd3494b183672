package dev.quarry.materialize;

import java.util.Optional;

import dev.quarry.adapter.RelationType;

/**
 * {@code materialized: table}: the table is created under the temporary name from the model's SELECT, then swapped
 * in, whatever was there before (a table, a view, or nothing).
 */
public final class TableMaterialization implements Materialization {

    static final String SUMMARY = "created table";

    @Override
    public MaterializationPlan plan(MaterializationRequest request) {
        PlanBuilder plan = new PlanBuilder().hooks(request.preHooks());
        Replacement.replace(request, RelationType.TABLE,
                request.dialect().createTableAs(request.temporary(), request.node().compiledCode()), plan);
        return plan.hooks(request.postHooks()).build(Replacement.onFailure(request, RelationType.TABLE), SUMMARY);
    }

    @Override
    public Optional<RelationType> relationType() {
        return Optional.of(RelationType.TABLE);
    }
}
