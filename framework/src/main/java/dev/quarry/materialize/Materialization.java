package dev.quarry.materialize;

import java.util.Optional;

import dev.quarry.adapter.RelationType;
import dev.quarry.compile.ManifestNode;

/**
 * What building a model of one materialization takes: pure planning, no engine. The
 * {@link dev.quarry.adapter.EngineDialect} in the request says how each statement is written.
 */
public sealed interface Materialization
        permits ViewMaterialization, TableMaterialization, IncrementalMaterialization, EphemeralMaterialization {

    /**
     * The statements that build the request's model, given what the warehouse holds.
     *
     * @throws MaterializationException when the model's configuration cannot be built; nothing has run then
     */
    MaterializationPlan plan(MaterializationRequest request);

    /** What the model's relation is once built, or empty when nothing is built. */
    Optional<RelationType> relationType();

    /** The strategy for the node's {@code materialized} config ({@code view} when it has none). */
    static Materialization of(ManifestNode node) {
        String materialized = node.materialized() == null ? "view" : node.materialized();
        return switch (materialized) {
            case "view" -> new ViewMaterialization();
            case "table" -> new TableMaterialization();
            case "incremental" -> new IncrementalMaterialization();
            case "ephemeral" -> new EphemeralMaterialization();
            default -> throw MaterializationException.invalid(node,
                    "unknown materialization '" + materialized + "'",
                    "set materialized to view, table, incremental or ephemeral");
        };
    }
}
