package dev.quarry.materialize;

import dev.quarry.adapter.RelationType;
import dev.quarry.adapter.TableOptions;
import dev.quarry.materialize.PlannedStatement.Kind;

/** A model's layout and descriptions ({@link TableOptions}) as its materialization writes them. */
final class Layout {

    private Layout() {
    }

    /** The model's options; a malformed {@code partition_by} is the model's error. */
    static TableOptions of(MaterializationRequest request) {
        try {
            return TableOptions.of(request.node());
        } catch (IllegalArgumentException malformed) {
            throw MaterializationException.invalid(request.node(), malformed.getMessage(),
                    "see partition_by in the project format documentation");
        }
    }

    /** Sets the descriptions {@code persist_docs} asks for on the built relation ({@code EngineDialect.describe}). */
    static void describe(MaterializationRequest request, RelationType type, TableOptions options,
            PlanBuilder plan) {
        request.dialect().describe(request.target(), type, options)
                .forEach(statement -> plan.add(Kind.DOCS, statement));
    }
}
