package dev.quarry.materialize;

import java.util.List;
import java.util.Optional;

import dev.quarry.adapter.RelationType;

/**
 * {@code materialized: ephemeral}: nothing is built; the compiler inlines the model as a CTE where it is used. Its
 * hooks do not run either, as in dbt.
 */
public final class EphemeralMaterialization implements Materialization {

    static final String SUMMARY = "ephemeral, nothing built";

    @Override
    public MaterializationPlan plan(MaterializationRequest request) {
        return new PlanBuilder().build(List.of(), SUMMARY);
    }

    @Override
    public Optional<RelationType> relationType() {
        return Optional.empty();
    }
}
