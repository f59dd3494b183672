package dev.quarry.materialize;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.EngineSession;
import dev.quarry.compile.ManifestNode;
import dev.quarry.materialize.PlannedStatement.Kind;

/**
 * Runs one model's plans on a session, keeping every statement it sends and the rows the model reports. When a
 * statement fails it rolls back the open transaction, undoes the statements already run in reverse order (see
 * {@link #undo}), and runs the plan's failure cleanup; failures while recovering are logged and attached to the
 * original failure as suppressed exceptions, never thrown.
 */
final class PlanRun {

    private static final Logger LOG = LoggerFactory.getLogger(PlanRun.class);

    private final EngineSession session;
    private final ManifestNode node;
    private final List<String> executed = new ArrayList<>();
    private OptionalLong rows = OptionalLong.empty();

    PlanRun(EngineSession session, ManifestNode node) {
        this.session = session;
        this.node = node;
    }

    /** Runs the plan's statements in order; on failure, recovers and throws {@link MaterializationException}. */
    void run(MaterializationPlan plan) {
        List<PlannedStatement> statements = plan.statements();
        for (int index = 0; index < statements.size(); index++) {
            PlannedStatement statement = statements.get(index);
            try {
                long affected = execute(statement.sql());
                if (statement.kind().reportsRows() && affected >= 0) {
                    rows = OptionalLong.of(affected);
                }
            } catch (EngineException failure) {
                undo(statements.subList(0, index), statement, failure);
                cleanUp(plan.onFailure(), failure);
                throw MaterializationException.engineFailure(node, explained(statement, failure), executed);
            }
        }
    }

    /** A constraint's failure says what it means: a row of the new table breaks the contract. */
    private static EngineException explained(PlannedStatement statement, EngineException failure) {
        if (statement.kind() != PlannedStatement.Kind.CONSTRAINT) {
            return failure;
        }
        return new EngineException("the new table breaks a constraint of the model's contract (" + statement.sql()
                + "), so it was not swapped in: " + failure.getMessage(), failure);
    }

    /** Runs cleanup statements after a failure, each on its own; their own failures are attached to it. */
    void cleanUp(List<String> statements, Exception failure) {
        statements.forEach(sql -> attempt(sql, failure));
    }

    List<String> executed() {
        return List.copyOf(executed);
    }

    OptionalLong rows() {
        return rows;
    }

    /**
     * Undoes what ran before the failed statement, last first, up to the first change that cannot be undone (a
     * write outside a transaction, a commit, a dropped backup): what ran before such a change stands, since the
     * build had already taken effect. Statements inside a transaction that is still open have no undo of their own:
     * its {@link Kind#BEGIN} rolls them back. A failed hook undoes nothing: before the build there is nothing to
     * undo, and after it the build stands.
     */
    private void undo(List<PlannedStatement> done, PlannedStatement failed, Exception failure) {
        if (failed.kind() == Kind.HOOK) {
            return;
        }
        int openTransaction = openTransaction(done);
        for (int index = done.size() - 1; index >= 0; index--) {
            if (openTransaction >= 0 && index > openTransaction) {
                continue;
            }
            Optional<String> undo = done.get(index).undo();
            if (undo.isEmpty()) {
                return;
            }
            attempt(undo.get(), failure);
        }
    }

    /** The index of a {@link Kind#BEGIN} that no {@link Kind#COMMIT} followed, or -1. */
    private static int openTransaction(List<PlannedStatement> done) {
        int open = -1;
        for (int index = 0; index < done.size(); index++) {
            Kind kind = done.get(index).kind();
            if (kind == Kind.BEGIN) {
                open = index;
            } else if (kind == Kind.COMMIT) {
                open = -1;
            }
        }
        return open;
    }

    private void attempt(String sql, Exception failure) {
        try {
            execute(sql);
        } catch (EngineException recoveryFailure) {
            LOG.warn("{}: could not run '{}' after a failed build: {}", node.path(), sql,
                    recoveryFailure.getMessage());
            failure.addSuppressed(recoveryFailure);
        }
    }

    private long execute(String sql) {
        executed.add(sql);
        return session.execute(sql);
    }
}
