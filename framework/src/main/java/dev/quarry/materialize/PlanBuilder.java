package dev.quarry.materialize;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.quarry.materialize.PlannedStatement.Kind;
import dev.quarry.template.Relation;

/** Collects a plan's statements in order. */
final class PlanBuilder {

    private final List<PlannedStatement> statements = new ArrayList<>();

    PlanBuilder hooks(List<String> hooks) {
        hooks.forEach(hook -> add(Kind.HOOK, hook));
        return this;
    }

    PlanBuilder add(Kind kind, String sql) {
        statements.add(PlannedStatement.of(kind, sql));
        return this;
    }

    PlanBuilder addUndoable(Kind kind, String sql, String undo) {
        statements.add(PlannedStatement.undoable(kind, sql, undo));
        return this;
    }

    MaterializationPlan build(List<String> onFailure, String summary) {
        return new MaterializationPlan(statements, Optional.empty(), onFailure, summary);
    }

    /** A plan that stages rows in {@code staged}; the runner plans again with its columns. */
    MaterializationPlan buildStaging(Relation staged, List<String> onFailure, String summary) {
        return new MaterializationPlan(statements, Optional.of(staged), onFailure, summary);
    }
}
