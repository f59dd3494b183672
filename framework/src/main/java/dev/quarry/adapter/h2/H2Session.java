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

    H2Session(Connection connection, H2Dialect dialect) {
        super(connection, dialect);
        this.dialect = dialect;
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
