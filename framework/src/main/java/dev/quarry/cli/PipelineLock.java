package dev.quarry.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import dev.quarry.adapter.EngineAdapter;
import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.EngineSession;
import dev.quarry.adapter.QueryResult;
import dev.quarry.project.Project;
import dev.quarry.project.Target;

/**
 * Keeps two {@code pipeline} runs on one target from overlapping (a scheduled run starting while the last one is still
 * going): a table {@value #TABLE} in the target's schema, created with {@code create table ... as select} (which
 * fails, on every engine, when the table exists) and dropped at the end. A run killed without dropping it leaves the
 * lock behind; it expires after a given time, after which the next run replaces it. The engine is opened only to take
 * and to drop the lock, since an embedded database lets one process hold it at a time.
 */
final class PipelineLock implements AutoCloseable {

    static final String TABLE = "quarry_pipeline_lock";

    /** Another run holds the lock. */
    static final class HeldElsewhere extends Exception {

        private static final long serialVersionUID = 1L;

        HeldElsewhere(String message) {
            super(message);
        }
    }

    private final Workspace workspace;
    private final Project project;
    private final String relation;
    private final String holder;

    private PipelineLock(Workspace workspace, Project project, String relation, String holder) {
        this.workspace = workspace;
        this.project = project;
        this.relation = relation;
        this.holder = holder;
    }

    /**
     * @param holder     who takes it (the invocation id)
     * @param expiresAfter how long a lock stays valid when its run never dropped it
     * @throws HeldElsewhere when another run holds a lock younger than {@code expiresAfter}
     */
    static PipelineLock acquire(Workspace workspace, Project project, String holder, Instant now,
            Duration expiresAfter) throws HeldElsewhere {
        Target target = project.target();
        try (RunEngines engines = workspace.engines(project)) {
            EngineAdapter adapter = engines.target();
            String relation = adapter.dialect().relation(target.database(), target.schema(), TABLE);
            try (EngineSession session = adapter.openSession()) {
                session.createSchemaIfMissing(target.database(), target.schema());
                String create = "create table " + relation + " as select "
                        + adapter.dialect().stringLiteral(holder) + " as holder, "
                        + adapter.dialect().stringLiteral(now.toString()) + " as acquired_at";
                EngineException refused = tryExecute(session, create);
                if (refused == null) {
                    return new PipelineLock(workspace, project, relation, holder);
                }
                Optional<Instant> since;
                try {
                    since = acquiredAt(session, relation);
                } catch (EngineException noLock) {
                    // No lock to read: the create failed for another reason (a permission, the engine), which is
                    // what the user needs to see.
                    throw refused;
                }
                if (since.isPresent() && since.get().plus(expiresAfter).isAfter(now)) {
                    throw new HeldElsewhere("another pipeline run has held the lock " + relation + " since "
                            + since.get() + "; this run does nothing. The lock goes when that run ends, or expires "
                            + "at " + since.get().plus(expiresAfter) + " if the run died");
                }
                // Expired, or its time unreadable: a run died holding it. Replace it; a race with another run here
                // leaves one of the two creates failing, which then stops as held.
                session.execute("drop table if exists " + relation);
                if (tryExecute(session, create) == null) {
                    workspace.reporter().info("Replaced an expired pipeline lock " + relation
                            + since.map(at -> " (taken at " + at + ")").orElse(""));
                    return new PipelineLock(workspace, project, relation, holder);
                }
                throw new HeldElsewhere("another pipeline run took the lock " + relation + " at the same moment; "
                        + "this run does nothing");
            }
        }
    }

    /** @return null when the statement ran, else the engine's refusal */
    private static EngineException tryExecute(EngineSession session, String sql) {
        try {
            session.execute(sql);
            return null;
        } catch (EngineException refused) {
            return refused;
        }
    }

    /**
     * When the lock was taken; empty when its time cannot be read.
     *
     * @throws EngineException when there is no lock table to read
     */
    private static Optional<Instant> acquiredAt(EngineSession session, String relation) {
        QueryResult result = session.query("select acquired_at from " + relation, 1);
        List<List<Object>> rows = result.rows();
        try {
            return rows.isEmpty() || rows.get(0).get(0) == null ? Optional.empty()
                    : Optional.of(Instant.parse(String.valueOf(rows.get(0).get(0))));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    /** Drops the lock if this run still holds it (an expired lock may have been taken over meanwhile). */
    @Override
    public void close() {
        try (RunEngines engines = workspace.engines(project);
                EngineSession session = engines.target().openSession()) {
            QueryResult result = session.query("select holder from " + relation, 1);
            if (!result.rows().isEmpty() && holder.equals(String.valueOf(result.rows().get(0).get(0)))) {
                session.execute("drop table " + relation);
            }
        } catch (EngineException failure) {
            workspace.reporter().failure("Could not drop the pipeline lock " + relation + ": " + failure.getMessage()
                    + "; the next run replaces it once it expires");
        }
    }
}
