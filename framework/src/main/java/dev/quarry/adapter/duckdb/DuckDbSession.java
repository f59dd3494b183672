package dev.quarry.adapter.duckdb;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.List;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.JdbcSession;
import dev.quarry.template.Relation;

/** A DuckDB connection; bulk loads go through DuckDB's appender. */
final class DuckDbSession extends JdbcSession {

    DuckDbSession(DuckDBConnection connection, DuckDbDialect dialect) {
        super(connection, dialect);
    }

    @Override
    public long appendRows(Relation table, List<ColumnInfo> columns, Iterator<Object[]> rows) {
        long count = 0;
        DuckDBConnection duckdb = (DuckDBConnection) connection;
        try (DuckDBAppender appender = table.database() == null
                ? duckdb.createAppender(table.schema(), table.identifier())
                : duckdb.createAppender(table.database(), table.schema(), table.identifier())) {
            while (rows.hasNext()) {
                Object[] row = rows.next();
                appender.beginRow();
                for (Object value : row) {
                    append(appender, value);
                }
                appender.endRow();
                count++;
            }
            appender.flush();
        } catch (SQLException failure) {
            throw new EngineException(message(failure), failure);
        }
        return count;
    }

    private static void append(DuckDBAppender appender, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else if (value instanceof String text) {
            appender.append(text);
        } else if (value instanceof Long number) {
            appender.append(number.longValue());
        } else if (value instanceof Integer number) {
            appender.append(number.intValue());
        } else if (value instanceof Double number) {
            appender.append(number.doubleValue());
        } else if (value instanceof BigDecimal number) {
            appender.append(number);
        } else if (value instanceof Boolean bool) {
            appender.append(bool.booleanValue());
        } else if (value instanceof LocalDate date) {
            appender.append(date);
        } else if (value instanceof LocalDateTime timestamp) {
            appender.append(timestamp);
        } else {
            appender.append(value.toString());
        }
    }
}
