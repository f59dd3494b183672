package dev.quarry.adapter;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.quarry.template.Relation;

/**
 * What every JDBC engine session does alike: one statement at a time (a failed statement is closed with it), queries
 * into Java values, describing relations from {@code information_schema}, cancelling from another thread. Engines
 * add their own bulk loading.
 */
public abstract class JdbcSession implements EngineSession {

    protected final Connection connection;
    private final EngineDialect dialect;
    private volatile Statement running;
    private volatile boolean cancelled;
    private long engineNanos;

    protected JdbcSession(Connection connection, EngineDialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    @Override
    public void createSchemaIfMissing(String database, String schema) {
        execute(dialect.createSchema(database, schema));
    }

    @Override
    public long execute(String sql) {
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            running = statement;
            failIfCancelled();
            boolean hasResults = statement.execute(sql);
            return hasResults ? -1 : statement.getLargeUpdateCount();
        } catch (SQLException failure) {
            throw new EngineException(message(failure), failure);
        } finally {
            running = null;
            engineNanos += System.nanoTime() - started;
        }
    }

    @Override
    public long engineNanos() {
        return engineNanos;
    }

    @Override
    public QueryResult query(String sql, int maxRows) {
        try (Statement statement = connection.createStatement()) {
            running = statement;
            failIfCancelled();
            try (ResultSet results = statement.executeQuery(sql)) {
                ResultSetMetaData metadata = results.getMetaData();
                List<ColumnInfo> columns = new ArrayList<>();
                for (int index = 1; index <= metadata.getColumnCount(); index++) {
                    columns.add(new ColumnInfo(metadata.getColumnLabel(index), metadata.getColumnTypeName(index)));
                }
                List<List<Object>> rows = new ArrayList<>();
                boolean truncated = false;
                while (results.next()) {
                    if (rows.size() == maxRows) {
                        truncated = true;
                        break;
                    }
                    List<Object> row = new ArrayList<>(columns.size());
                    for (int index = 1; index <= columns.size(); index++) {
                        row.add(results.getObject(index));
                    }
                    rows.add(row);
                }
                return new QueryResult(columns, rows, truncated);
            }
        } catch (SQLException failure) {
            throw new EngineException(message(failure), failure);
        } finally {
            running = null;
        }
    }

    @Override
    public Optional<RelationInfo> describe(Relation relation) {
        String typeSql = "select table_type from information_schema.tables where table_schema = ? and table_name = ?"
                + (relation.database() == null ? "" : " and table_catalog = ?");
        String columnSql = "select column_name, data_type from information_schema.columns where table_schema = ? "
                + "and table_name = ?" + (relation.database() == null ? "" : " and table_catalog = ?")
                + " order by ordinal_position";
        try {
            Optional<String> type = first(typeSql, relation);
            if (type.isEmpty()) {
                return Optional.empty();
            }
            List<ColumnInfo> columns = new ArrayList<>();
            try (PreparedStatement statement = prepare(columnSql, relation);
                    ResultSet results = statement.executeQuery()) {
                while (results.next()) {
                    columns.add(new ColumnInfo(results.getString(1), results.getString(2)));
                }
            }
            return Optional.of(new RelationInfo(type.get().toUpperCase().contains("VIEW") ? RelationType.VIEW
                    : RelationType.TABLE, columns));
        } catch (SQLException failure) {
            throw new EngineException(message(failure), failure);
        }
    }

    private Optional<String> first(String sql, Relation relation) throws SQLException {
        try (PreparedStatement statement = prepare(sql, relation); ResultSet results = statement.executeQuery()) {
            return results.next() ? Optional.of(results.getString(1)) : Optional.empty();
        }
    }

    private PreparedStatement prepare(String sql, Relation relation) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setString(1, relation.schema());
        statement.setString(2, relation.identifier());
        if (relation.database() != null) {
            statement.setString(3, relation.database());
        }
        return statement;
    }

    @Override
    public java.util.Map<String, RelationType> listRelations(boolean withDatabase) {
        java.util.Map<String, RelationType> relations = new java.util.HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet results = statement.executeQuery("select table_catalog, table_schema, table_name, "
                        + "table_type from information_schema.tables")) {
            while (results.next()) {
                relations.put(dialect.relation(withDatabase ? results.getString(1) : null, results.getString(2),
                        results.getString(3)), results.getString(4).toUpperCase(java.util.Locale.ROOT)
                        .contains("VIEW") ? RelationType.VIEW : RelationType.TABLE);
            }
            return relations;
        } catch (SQLException failure) {
            throw new EngineException(message(failure), failure);
        }
    }

    /**
     * A cancel that came between two statements (the running one is set before this check, so one that comes later
     * cancels it) stops the next statement from starting: the session is done for once cancelled.
     */
    private void failIfCancelled() {
        if (cancelled) {
            throw new EngineException("cancelled: the run was interrupted", null);
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        Statement statement = running;
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException ignored) {
                // The statement finished or its connection closed in the meantime: nothing left to cancel.
            }
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing is best effort: the run's outcome is already decided.
        }
    }

    /** The engine's message without the JDBC driver's wrapping. */
    protected static String message(SQLException failure) {
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message.strip();
    }

    /** Appends one Java value through a JDBC parameter. */
    protected static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof java.time.LocalDate date) {
            statement.setObject(index, date);
        } else if (value instanceof java.time.LocalDateTime timestamp) {
            statement.setObject(index, timestamp);
        } else if (value instanceof BigDecimal decimal) {
            statement.setBigDecimal(index, decimal);
        } else {
            statement.setObject(index, value);
        }
    }
}
