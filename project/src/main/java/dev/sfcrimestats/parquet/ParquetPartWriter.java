package dev.sfcrimestats.parquet;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns rows into typed Parquet files through an in-memory DuckDB: rows are appended to a table (DuckDB's memory, not
 * the Java heap), then {@code COPY ... (FORMAT parquet, COMPRESSION zstd)} writes one part file and the table is
 * emptied for the next. Heap use does not grow with the number of rows. Not thread-safe.
 */
public final class ParquetPartWriter implements RowSink, AutoCloseable {

    private static final String TABLE = "part";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LandedSchema schema;
    private final String keyField;
    private final String batchId;
    private final Set<String> systemFields;
    private final DuckDBConnection connection;
    private final Set<String> extraFields = new TreeSet<>();
    private DuckDBAppender appender;
    private LocalDateTime loadedAt = LocalDateTime.now(java.time.ZoneOffset.UTC);
    private long rows;

    /**
     * @param schema   the landed columns
     * @param keyField the field that names a row in messages ({@code row_id})
     * @param batchId  the load's batch, written to {@code _batch_id}
     */
    public ParquetPartWriter(LandedSchema schema, String keyField, String batchId) throws SQLException {
        this.schema = schema;
        this.keyField = keyField;
        this.batchId = batchId;
        this.systemFields = schema.fields();
        Connection opened = DriverManager.getConnection("jdbc:duckdb:");
        this.connection = opened.unwrap(DuckDBConnection.class);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET autoinstall_known_extensions = false");
            statement.execute(schema.createTable(TABLE));
        }
        this.appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, TABLE);
    }

    /** Starts a part: its rows get this {@code _loaded_at} (UTC). Rows not yet written are dropped. */
    public void beginPart(LocalDateTime partLoadedAt) throws SQLException {
        discard();
        this.loadedAt = partLoadedAt;
    }

    @Override
    public void accept(Map<String, String> row) throws BadValueException {
        try {
            appender.beginRow();
            int taken = 0;
            for (LandedColumn column : schema.dataColumns()) {
                taken += append(column, row);
            }
            List<LandedColumn> system = LandedSchema.LOAD_COLUMNS.subList(1, 4);
            for (LandedColumn column : system) {
                taken += row.containsKey(column.field()) ? 1 : 0;
            }
            // Most rows carry no field beyond the columns: then there is nothing to look for.
            appender.append(taken == row.size() ? null : extra(row));
            for (LandedColumn column : system) {
                append(column, row);
            }
            appender.append(loadedAt);
            appender.append(batchId);
            appender.endRow();
            rows++;
        } catch (SQLException failure) {
            throw new IllegalStateException("DuckDB refused a row: " + failure.getMessage(), failure);
        } catch (BadValueException failure) {
            resetQuietly();
            throw new BadValueException(keyField + " " + row.getOrDefault(keyField, "(none)") + ": "
                    + failure.getMessage());
        }
    }

    /** Appends the column's value from the row; returns 1 when the row has the field, else 0. */
    private int append(LandedColumn column, Map<String, String> row) throws SQLException, BadValueException {
        String value = row.get(column.field());
        if (value == null || value.isEmpty() && column.type() != ColumnType.STRING) {
            appender.appendNull();
            return value == null ? 0 : 1;
        }
        try {
            column.type().append(appender, value);
            return 1;
        } catch (BadValueException failure) {
            throw new BadValueException("field " + column.field() + ": " + failure.getMessage());
        }
    }

    /** The fields no column takes, as a JSON object, or null when there are none. */
    private String extra(Map<String, String> row) {
        Map<String, String> extra = null;
        for (Map.Entry<String, String> field : row.entrySet()) {
            if (!systemFields.contains(field.getKey())) {
                if (extra == null) {
                    extra = new TreeMap<>();
                }
                extra.put(field.getKey(), field.getValue());
            }
        }
        if (extra == null) {
            return null;
        }
        extraFields.addAll(extra.keySet());
        try {
            return JSON.writeValueAsString(extra);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Rows taken since the part began. */
    public long rows() {
        return rows;
    }

    /** Every field seen that no column takes (kept in {@code _extra}), sorted. */
    public Set<String> extraFields() {
        return Collections.unmodifiableSet(extraFields);
    }

    /** Writes the part's rows to a Parquet file and starts an empty part; returns the rows written. */
    public long writeTo(Path file) throws SQLException {
        appender.close();
        try (Statement statement = connection.createStatement()) {
            statement.execute("COPY " + TABLE + " TO '" + file.toString().replace("'", "''")
                    + "' (FORMAT parquet, COMPRESSION zstd)");
            statement.execute("DELETE FROM " + TABLE);
        }
        appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, TABLE);
        long written = rows;
        rows = 0;
        return written;
    }

    /** Drops the rows taken since the part began (a page that failed half way). */
    public void discard() throws SQLException {
        resetQuietly();
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM " + TABLE);
        }
        rows = 0;
    }

    /** After a failed row the appender holds half a row: a new one starts clean. */
    private void resetQuietly() {
        try {
            appender.close();
        } catch (SQLException | RuntimeException ignored) {
            // The half row is what failed; the table is emptied by discard() before the part is retried.
        }
        try {
            appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, TABLE);
        } catch (SQLException failure) {
            throw new IllegalStateException("DuckDB could not start an appender: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            appender.close();
        } catch (SQLException | RuntimeException ignored) {
            // Closing after a failure: nothing is written from here on.
        }
        connection.close();
    }
}
