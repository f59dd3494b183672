package dev.quarry.materialize;

import java.util.Objects;
import java.util.Optional;

/**
 * One statement of a plan.
 *
 * @param sql  the statement, as the engine runs it
 * @param kind what it does, which tells the runner whether it reports the model's rows and how it takes part in a
 *             transaction
 * @param undo the statement that reverses it when a later statement of the same plan fails; empty when there is
 *             nothing to undo (a statement inside a transaction, a created temporary relation, which the plan's
 *             failure cleanup drops) or when it cannot be undone (a write outside a transaction, a dropped backup):
 *             then the build has taken effect, and a later failure undoes nothing before it
 */
public record PlannedStatement(String sql, Kind kind, Optional<String> undo) {

    /** What a statement does. */
    public enum Kind {
        /** A pre- or post-hook. */
        HOOK,
        /** Drops a leftover, a backup or the staged table. */
        CLEANUP,
        /** Creates the model's relation (or its temporary stand-in); reports the model's rows. */
        BUILD,
        /** Creates the staged table of an incremental model; its rows are not the model's. */
        STAGE,
        /** Renames a relation during the swap. */
        SWAP,
        /** Adds or drops a column of an incremental model's table. */
        SCHEMA_CHANGE,
        /** Opens a transaction; its undo rolls it back. */
        BEGIN,
        /** Deletes the rows an incremental model replaces. */
        DELETE,
        /** Writes an incremental model's rows (insert or merge); reports the model's rows. */
        WRITE,
        /** Commits the transaction. */
        COMMIT,
        /** Sets the descriptions of the built relation's columns ({@code persist_docs}). */
        DOCS,
        /** Adds a constraint of an enforced contract to the new table; fails when a row breaks it. */
        CONSTRAINT;

        /** Whether the rows this statement affects are the rows the model reports. */
        public boolean reportsRows() {
            return switch (this) {
                case BUILD, WRITE -> true;
                case HOOK, CLEANUP, STAGE, SWAP, SCHEMA_CHANGE, BEGIN, DELETE, COMMIT, DOCS, CONSTRAINT -> false;
            };
        }
    }

    public PlannedStatement {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(undo, "undo");
    }

    static PlannedStatement of(Kind kind, String sql) {
        return new PlannedStatement(sql, kind, Optional.empty());
    }

    static PlannedStatement undoable(Kind kind, String sql, String undo) {
        return new PlannedStatement(sql, kind, Optional.of(undo));
    }
}
