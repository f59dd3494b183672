package dev.quarry.materialize;

import dev.quarry.adapter.EngineDialect;
import dev.quarry.template.Relation;

/**
 * Statements {@link EngineDialect} does not offer yet, written here in the SQL that DuckDB, H2 and BigQuery share.
 * Each belongs in {@code EngineDialect} as a default method of the same name; once it is there, the call sites
 * change from {@code DialectStopgap.x(dialect, ...)} to {@code dialect.x(...)} and this class goes.
 */
final class DialectStopgap {

    private DialectStopgap() {
    }

    /**
     * Replaces a view, or creates it, in one statement; the old view stays when the new one fails to compile. Both
     * DuckDB and H2 do this atomically, and H2 keeps the views that select from it bound (a rename would take them
     * along to the backup).
     */
    static String createOrReplaceView(EngineDialect dialect, Relation relation, String selectSql) {
        return "create or replace view " + relation.rendered() + " as\n" + selectSql;
    }

    /** Opens a transaction in a session that is in auto-commit mode (H2 does not know {@code start transaction}). */
    static String beginTransaction(EngineDialect dialect) {
        return "begin transaction";
    }

    static String commit(EngineDialect dialect) {
        return "commit";
    }

    static String rollback(EngineDialect dialect) {
        return "rollback";
    }
}
