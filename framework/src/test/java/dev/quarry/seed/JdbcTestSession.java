package dev.quarry.seed;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineDialect;
import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.EngineSession;
import dev.quarry.adapter.QueryResult;
import dev.quarry.adapter.RelationInfo;
import dev.quarry.adapter.RelationType;
import dev.quarry.adapter.duckdb.DuckDbDialect;
import dev.quarry.adapter.h2.H2Dialect;
import dev.quarry.template.Relation;

/**
 * A small {@link EngineSession} over plain JDBC for the seed tests, independent of the real adapters: embedded DuckDB
 * (bulk loads with DuckDB's appender) or in-memory H2 (batched prepared inserts).
 */
final class JdbcTestSession implements EngineSession {

    /** An embedded engine the seed tests run on. */
    enum Engine {
        DUCKDB(new DuckDbDialect()),
        H2(new H2Dialect());

        final EngineDialect dialect;

        Engine(EngineDialect dialect) {
            this.dialect = dialect;
        }
    }

    private static final AtomicInteger H2_DATABASES = new AtomicInteger();
    private static final int H2_BATCH = 10_000;

    private final Engine engine;
    private final Connection connection;

    private JdbcTestSession(Engine engine, Connection connection) {
        this.engine = engine;
        this.connection = connection;
    }

    /** A new, empty in-memory database of the engine. */
    static JdbcTestSession open(Engine engine) {
        try {
            return new JdbcTestSession(engine, DriverManager.getConnection(switch (engine) {
                case DUCKDB -> "jdbc:duckdb:";
                // As the H2 adapter opens it: unquoted names are lower case, as on DuckDB.
                case H2 -> "jdbc:h2:mem:seed" + H2_DATABASES.incrementAndGet()
                        + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            }));
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    @Override
    public long execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return statement.getUpdateCount();
        } catch (SQLException failure) {
            throw new EngineException(failure.getMessage(), failure);
        }
    }

    @Override
    public QueryResult query(String sql, int maxRows) {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int count = result.getMetaData().getColumnCount();
            List<ColumnInfo> columns = new ArrayList<>();
            for (int column = 1; column <= count; column++) {
                columns.add(new ColumnInfo(result.getMetaData().getColumnLabel(column),
                        result.getMetaData().getColumnTypeName(column)));
            }
            List<List<Object>> rows = new ArrayList<>();
            boolean truncated = false;
            while (result.next()) {
                if (rows.size() == maxRows) {
                    truncated = true;
                    break;
                }
                List<Object> row = new ArrayList<>();
                for (int column = 1; column <= count; column++) {
                    row.add(result.getObject(column));
                }
                rows.add(row);
            }
            return new QueryResult(columns, rows, truncated);
        } catch (SQLException failure) {
            throw new EngineException(failure.getMessage(), failure);
        }
    }

    @Override
    public Optional<RelationInfo> describe(Relation relation) {
        try {
            DatabaseMetaData metadata = connection.getMetaData();
            RelationType type;
            try (ResultSet tables = metadata.getTables(relation.database(), relation.schema(),
                    relation.identifier(), null)) {
                if (!tables.next()) {
                    return Optional.empty();
                }
                type = tables.getString("TABLE_TYPE").contains("VIEW") ? RelationType.VIEW : RelationType.TABLE;
            }
            List<ColumnInfo> columns = new ArrayList<>();
            try (ResultSet result = metadata.getColumns(relation.database(), relation.schema(),
                    relation.identifier(), null)) {
                while (result.next()) {
                    String typeName = result.getString("TYPE_NAME");
                    if (typeName.equals("NUMERIC") || typeName.equals("DECIMAL")) {
                        typeName += "(" + result.getInt("COLUMN_SIZE") + "," + result.getInt("DECIMAL_DIGITS") + ")";
                    }
                    columns.add(new ColumnInfo(result.getString("COLUMN_NAME"), typeName));
                }
            }
            return Optional.of(new RelationInfo(type, columns));
        } catch (SQLException failure) {
            throw new EngineException(failure.getMessage(), failure);
        }
    }

    @Override
    public java.util.Map<String, dev.quarry.adapter.RelationType> listRelations(boolean withDatabase) {
        java.util.Map<String, dev.quarry.adapter.RelationType> relations = new java.util.TreeMap<>();
        try (ResultSet tables = connection.getMetaData().getTables(null, null, null, null)) {
            while (tables.next()) {
                String database = withDatabase ? tables.getString("TABLE_CAT") : null;
                relations.put(dialect().relation(database, tables.getString("TABLE_SCHEM"),
                        tables.getString("TABLE_NAME")), String.valueOf(tables.getString("TABLE_TYPE"))
                        .toUpperCase(java.util.Locale.ROOT).contains("VIEW") ? dev.quarry.adapter.RelationType.VIEW
                        : dev.quarry.adapter.RelationType.TABLE);
            }
            return relations;
        } catch (SQLException failure) {
            throw new EngineException(failure.getMessage(), failure);
        }
    }

    private EngineDialect dialect() {
        return engine.dialect;
    }

    @Override
    public void createSchemaIfMissing(String database, String schema) {
        execute("create schema if not exists \"" + schema + "\"");
    }

    @Override
    public long appendRows(Relation table, List<ColumnInfo> columns, Iterator<Object[]> rows) {
        try {
            if (connection.isWrapperFor(DuckDBConnection.class)) {
                return appendWithAppender(connection.unwrap(DuckDBConnection.class), table, rows);
            }
            return insertInBatches(table, columns, rows);
        } catch (SQLException failure) {
            throw new EngineException(failure.getMessage(), failure);
        }
    }

    private static long appendWithAppender(DuckDBConnection duckdb, Relation table, Iterator<Object[]> rows)
            throws SQLException {
        long count = 0;
        try (DuckDBAppender appender = table.database() == null
                ? duckdb.createAppender(table.schema(), table.identifier())
                : duckdb.createAppender(table.database(), table.schema(), table.identifier())) {
            while (rows.hasNext()) {
                appender.beginRow();
                for (Object value : rows.next()) {
                    append(appender, value);
                }
                appender.endRow();
                count++;
            }
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
        } else if (value instanceof Double number) {
            appender.append(number.doubleValue());
        } else if (value instanceof BigDecimal number) {
            appender.append(number);
        } else if (value instanceof Boolean flag) {
            appender.append(flag.booleanValue());
        } else if (value instanceof LocalDate date) {
            appender.append(date);
        } else if (value instanceof LocalDateTime timestamp) {
            appender.append(timestamp);
        } else {
            throw new IllegalArgumentException("no appender for " + value.getClass());
        }
    }

    private long insertInBatches(Relation table, List<ColumnInfo> columns, Iterator<Object[]> rows)
            throws SQLException {
        String sql = "insert into " + table.rendered() + " ("
                + columns.stream().map(column -> '"' + column.name() + '"').collect(Collectors.joining(", "))
                + ") values (" + columns.stream().map(column -> "?").collect(Collectors.joining(", ")) + ")";
        long count = 0;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            while (rows.hasNext()) {
                Object[] row = rows.next();
                for (int column = 0; column < row.length; column++) {
                    insert.setObject(column + 1, row[column]);
                }
                insert.addBatch();
                if (++count % H2_BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return count;
    }

    @Override
    public void cancel() {
        // The seed tests run one statement at a time on one thread; nothing to cancel.
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // An in-memory database; closing it only frees it.
        }
    }
}
