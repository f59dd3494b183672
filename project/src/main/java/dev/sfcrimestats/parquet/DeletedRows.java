package dev.sfcrimestats.parquet;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Finds the rows that disappeared at the source: every key the source still has is added, then the keys of the landed
 * files that are not among them, and not already recorded as gone since they were last landed, are written as
 * tombstones ({@code <key>, _deleted_at, _batch_id}). Keys live in DuckDB, not on the heap.
 */
public final class DeletedRows implements AutoCloseable {

    private final DuckDBConnection connection;
    private final DuckDBAppender appender;
    private long sourceKeys;

    public DeletedRows() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:").unwrap(DuckDBConnection.class);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET autoinstall_known_extensions = false");
            statement.execute("CREATE TABLE source_keys (key VARCHAR)");
        }
        appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "source_keys");
    }

    /** A key the source has. */
    public void addSourceKey(String key) throws SQLException {
        appender.beginRow().append(key).endRow();
        sourceKeys++;
    }

    public long sourceKeys() {
        return sourceKeys;
    }

    /**
     * Writes the tombstones of the keys gone from the source to {@code out}.
     *
     * @param keyColumn  the key's column in the landed files
     * @param landed     the landed Parquet files of finished batches
     * @param tombstones earlier tombstone files of finished batches
     * @return the number of rows found gone (no file is written when 0)
     */
    public long writeGone(String keyColumn, List<Path> landed, List<Path> tombstones, Path out, String batchId,
            LocalDateTime deletedAt) throws SQLException {
        appender.close();
        if (landed.isEmpty()) {
            return 0;
        }
        String key = '"' + keyColumn.replace("\"", "\"\"") + '"';
        String gone = "WITH landed AS (SELECT " + key + " AS key, max(_loaded_at) AS last_loaded FROM read_parquet("
                + files(landed) + ", union_by_name = true) GROUP BY 1), "
                + "recorded AS (" + (tombstones.isEmpty() ? "SELECT NULL::VARCHAR AS key, NULL::TIMESTAMP AS "
                        + "last_deleted WHERE false" : "SELECT " + key + " AS key, max(_deleted_at) AS last_deleted "
                        + "FROM read_parquet(" + files(tombstones) + ") GROUP BY 1") + ") "
                + "SELECT landed.key AS " + key + ", TIMESTAMP '" + deletedAt + "' AS _deleted_at, '"
                + batchId.replace("'", "''") + "' AS _batch_id FROM landed LEFT JOIN recorded USING (key) "
                + "WHERE landed.key NOT IN (SELECT key FROM source_keys WHERE key IS NOT NULL) "
                + "AND (recorded.last_deleted IS NULL OR recorded.last_deleted < landed.last_loaded) ORDER BY 1";
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE gone AS " + gone);
            long count;
            try (ResultSet result = statement.executeQuery("SELECT count(*) FROM gone")) {
                result.next();
                count = result.getLong(1);
            }
            if (count > 0) {
                statement.execute("COPY gone TO '" + out.toString().replace("'", "''")
                        + "' (FORMAT parquet, COMPRESSION zstd)");
            }
            return count;
        }
    }

    private static String files(List<Path> paths) {
        return paths.stream().map(path -> "'" + path.toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public void close() throws SQLException {
        try {
            appender.close();
        } catch (SQLException | RuntimeException alreadyClosed) {
            // Closed by writeGone.
        }
        connection.close();
    }
}
