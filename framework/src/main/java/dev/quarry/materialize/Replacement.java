package dev.quarry.materialize;

import java.util.List;

import dev.quarry.adapter.EngineDialect;
import dev.quarry.adapter.RelationType;
import dev.quarry.materialize.PlannedStatement.Kind;
import dev.quarry.template.Relation;

/**
 * Builds a relation under its temporary name, then swaps it in: the old relation becomes the backup, the temporary
 * one takes the target's name, and the backup is dropped. Until the last rename the old relation is untouched; each
 * rename carries the rename that reverses it, so a failure anywhere restores the old relation under its name.
 */
final class Replacement {

    private Replacement() {
    }

    /**
     * Adds the statements that replace the request's target with a relation of {@code type} created by
     * {@code createTemporary} (which writes the temporary relation).
     */
    static void replace(MaterializationRequest request, RelationType type, String createTemporary,
            PlanBuilder plan) {
        replace(request, type, createTemporary, List.of(), plan);
    }

    /**
     * As {@link #replace(MaterializationRequest, RelationType, String, PlanBuilder)}, adding constraints to the
     * temporary relation before it is swapped in.
     */
    static void replace(MaterializationRequest request, RelationType type, String createTemporary,
            List<String> constraints, PlanBuilder plan) {
        EngineDialect dialect = request.dialect();
        Relation target = request.target();
        Relation temporary = request.temporary();
        Relation backup = request.backup();
        dropLeftoverTemporary(request, plan);
        plan.add(Kind.BUILD, createTemporary);
        constraints.forEach(statement -> plan.add(Kind.CONSTRAINT, statement));
        // A leftover backup may be the only copy of the model when the target is missing: dropped only now that
        // the new relation is complete.
        dropLeftoverBackup(request, plan);
        request.existing().target().ifPresent(existing -> plan.addUndoable(Kind.SWAP,
                dialect.rename(target, existing.type(), backup.identifier()),
                dialect.rename(backup, existing.type(), target.identifier())));
        plan.addUndoable(Kind.SWAP, dialect.rename(temporary, type, target.identifier()),
                dialect.rename(target, type, temporary.identifier()));
        request.existing().target().ifPresent(existing -> plan.add(Kind.CLEANUP,
                dialect.dropIfExists(backup, existing.type())));
    }

    /**
     * Adds the statements that replace the request's target in place, where the engine's {@code create or replace}
     * is atomic: a relation of the other type is dropped first (a table cannot become a view in one step), then
     * {@code createOrReplace} runs; leftovers of an interrupted rename-based build are dropped after it.
     */
    static void replaceInPlace(MaterializationRequest request, RelationType type, String createOrReplace,
            PlanBuilder plan) {
        request.existing().target().filter(existing -> existing.type() != type)
                .ifPresent(existing -> plan.add(Kind.CLEANUP,
                        request.dialect().dropIfExists(request.target(), existing.type())));
        plan.add(Kind.BUILD, createOrReplace);
        dropLeftoverTemporary(request, plan);
        dropLeftoverBackup(request, plan);
    }

    /** Drops {@code <identifier>__quarry_tmp} left by an interrupted build, when there is one. */
    static void dropLeftoverTemporary(MaterializationRequest request, PlanBuilder plan) {
        request.existing().temporary().ifPresent(type -> plan.add(Kind.CLEANUP,
                request.dialect().dropIfExists(request.temporary(), type)));
    }

    /** Drops {@code <identifier>__quarry_backup} left by an interrupted build, when there is one. */
    static void dropLeftoverBackup(MaterializationRequest request, PlanBuilder plan) {
        request.existing().backup().ifPresent(type -> plan.add(Kind.CLEANUP,
                request.dialect().dropIfExists(request.backup(), type)));
    }

    /** What to run when the build fails: drop the temporary relation of {@code type}, if it was created. */
    static List<String> onFailure(MaterializationRequest request, RelationType type) {
        return List.of(request.dialect().dropIfExists(request.temporary(), type));
    }
}
