package dev.quarry.materialize;

import java.util.List;
import java.util.Optional;

import dev.quarry.adapter.RelationType;
import dev.quarry.adapter.TableOptions;
import dev.quarry.materialize.PlannedStatement.Kind;

/**
 * {@code materialized: table}: the table is created under the temporary name from the model's SELECT, then swapped
 * in, whatever was there before (a table, a view, or nothing). Where the engine replaces relations atomically
 * (BigQuery) it is one {@code create or replace table}, with the model's partitioning, clustering and options.
 */
public final class TableMaterialization implements Materialization {

    static final String SUMMARY = "created table";

    @Override
    public MaterializationPlan plan(MaterializationRequest request) {
        PlanBuilder plan = new PlanBuilder().hooks(request.preHooks());
        TableOptions options = Layout.of(request);
        if (request.dialect().replacesRelationsAtomically()) {
            Replacement.replaceInPlace(request, RelationType.TABLE, request.dialect().createOrReplaceTableAs(
                    request.target(), request.node().compiledCode(), options), plan);
            TableConstraints.statements(request.node(), request.dialect(), request.target())
                    .forEach(statement -> plan.add(Kind.CONSTRAINT, statement));
            Layout.describe(request, RelationType.TABLE, options, plan);
            return plan.hooks(request.postHooks()).build(List.of(), SUMMARY);
        }
        Replacement.replace(request, RelationType.TABLE,
                request.dialect().createTableAs(request.temporary(), request.node().compiledCode(), options),
                TableConstraints.statements(request.node(), request.dialect(), request.temporary()), plan);
        Layout.describe(request, RelationType.TABLE, options, plan);
        return plan.hooks(request.postHooks()).build(Replacement.onFailure(request, RelationType.TABLE), SUMMARY);
    }

    @Override
    public Optional<RelationType> relationType() {
        return Optional.of(RelationType.TABLE);
    }
}
