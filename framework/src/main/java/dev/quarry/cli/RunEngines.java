package dev.quarry.cli;

import dev.quarry.adapter.EngineAdapter;
import dev.quarry.adapter.Engines;
import dev.quarry.project.Project;

/**
 * The engines one run uses, each opened when first needed: the target, and where unit tests run (the target itself
 * when it is embedded, else a fresh in-memory database of the project's {@code unit_test_engine}), so that a run of
 * unit tests alone never touches a remote warehouse.
 */
final class RunEngines implements AutoCloseable {

    private final Project project;
    private final String invocationId;
    private EngineAdapter target;
    private EngineAdapter unitTests;

    /** @param invocationId the run's id, which the engine may attach to its jobs (BigQuery labels) */
    RunEngines(Project project, String invocationId) {
        this.project = project;
        this.invocationId = invocationId;
    }

    synchronized EngineAdapter target() {
        if (target == null) {
            target = Engines.open(project.target(), project.root());
            target.invocationId(invocationId);
        }
        return target;
    }

    /** Where unit tests run. */
    synchronized EngineAdapter forUnitTests() {
        if (unitTestsRunOnTheTarget()) {
            return target();
        }
        if (unitTests == null) {
            unitTests = Engines.openInMemory(Workspace.unitTestEngine(project), project.root());
        }
        return unitTests;
    }

    boolean unitTestsRunOnTheTarget() {
        return Engines.isEmbedded(project.target().type());
    }

    @Override
    public synchronized void close() {
        try {
            if (unitTests != null) {
                unitTests.close();
            }
        } finally {
            if (target != null) {
                target.close();
            }
        }
    }
}
