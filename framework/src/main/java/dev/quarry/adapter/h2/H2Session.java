package dev.quarry.adapter.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.JdbcSession;
import dev.quarry.template.Relation;

/** An H2 connection; bulk loads are JDBC batches of one prepared insert, sent every 10,000 rows. */
final class H2Session extends JdbcSession {

    private static final int BATCH = 10_000;

    private final H2Dialect dialect;
    private final java.util.concurrent.locks.Lock catalogChanges;

    /**
     * @param catalogChanges taken for every DDL statement, shared by the adapter's sessions: H2 does not support
     *                       concurrent DDL (it locks its catalog, and two sessions changing it can deadlock)
     */
    H2Session(Connection connection, H2Dialect dialect, java.util.concurrent.locks.Lock catalogChanges) {
        super(connection, dialect);
        this.dialect = dialect;
        this.catalogChanges = catalogChanges;
    }

    /**
     * H2 binds a view to the table object, not its name: when a table is swapped (the old one renamed to a backup,
     * the new one renamed into place), its views follow the backup, and dropping the backup is refused (error 90107).
     * Recompiling the views binds them to the table of that name again; then the drop is tried once more.
     */
    @Override
    public long execute(String sql) {
        if (!isDdl(sql)) {
            return executeInTurn(sql);
        }
        catalogChanges.lock();
        try {
            return executeInTurn(sql);
        } finally {
            catalogChanges.unlock();
        }
    }

    private long executeInTurn(String sql) {
        try {
            long count = super.execute(sql);
            // H2 says 0 for every DDL statement, also for a table created with rows: unknown, not none.
            return isCreate(sql) ? -1 : count;
        } catch (EngineException failure) {
            if (!(failure.getCause() instanceof SQLException cause) || cause.getErrorCode() != VIEW_DEPENDS_ON_IT
                    || !sql.stripLeading().toLowerCase(java.util.Locale.ROOT).startsWith("drop ")) {
                throw failure;
            }
            recompileViews();
            return super.execute(sql);
        }
    }

    private static final int VIEW_DEPENDS_ON_IT = 90107;

    private static boolean isDdl(String sql) {
        String start = sql.stripLeading();
        return isCreate(start) || start.regionMatches(true, 0, "drop ", 0, 5)
                || start.regionMatches(true, 0, "alter ", 0, 6);
    }

    private static boolean isCreate(String sql) {
        return sql.stripLeading().regionMatches(true, 0, "create ", 0, 7);
    }

    private void recompileViews() {
        for (java.util.List<Object> view : query("select table_schema, table_name from information_schema.views "
                + "where table_schema <> 'information_schema'", Integer.MAX_VALUE).rows()) {
            super.execute("alter view " + dialect.quote(String.valueOf(view.get(0))) + "."
                    + dialect.quote(String.valueOf(view.get(1))) + " recompile");
        }
    }

    @Override
    public long appendRows(Relation table, List<ColumnInfo> columns, Iterator<Object[]> rows) {
        String placeholders = String.join(", ", Collections.nCopies(columns.size(), "?"));
        String sql = "insert into " + table.rendered() + " (" + dialect.columnList(
                columns.stream().map(ColumnInfo::name).toList()) + ") values (" + placeholders + ")";
        long count = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            while (rows.hasNext()) {
                Object[] row = rows.next();
                for (int index = 0; index < row.length; index++) {
                    bind(statement, index + 1, row[index]);
                }
                statement.addBatch();
                if (++count % BATCH == 0) {
                    statement.executeBatch();
                }
            }
            statement.executeBatch();
        } catch (SQLException failure) {
            throw new EngineException(message(failure), failure);
        }
        return count;
    }
}
