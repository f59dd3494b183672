package dev.quarry.adapter;

import java.util.Map;
import java.util.Optional;

import dev.quarry.template.Relation;

/**
 * One connection to an engine, used by one worker thread at a time. Every method reports an engine failure as an
 * {@link EngineException} carrying the engine's message.
 */
public interface EngineSession extends AutoCloseable {

    /**
     * Runs one statement.
     *
     * @return rows affected, or -1 when the engine does not say
     */
    long execute(String sql);

    /** Runs a query and fetches at most {@code maxRows} rows. */
    QueryResult query(String sql, int maxRows);

    /** The relation's type and columns, or empty when it does not exist. */
    Optional<RelationInfo> describe(Relation relation);

    /**
     * Every table and view in the database, as relations written by the dialect (without the database part unless
     * {@code withDatabase}), with their types: what {@code is_incremental()} checks against, and what a run knows of
     * the relations it replaces without asking again per model.
     */
    java.util.Map<String, RelationType> listRelations(boolean withDatabase);

    /** Creates the schema when it does not exist. */
    void createSchemaIfMissing(String database, String schema);

    /**
     * Loads rows into an existing table in bulk (DuckDB's appender; batched inserts on H2), never one INSERT per
     * row. Values are Java values matching the columns' types (String, Long, Double, BigDecimal, Boolean,
     * LocalDate, LocalDateTime, or null).
     *
     * @return rows loaded
     */
    long appendRows(Relation table, java.util.List<ColumnInfo> columns, java.util.Iterator<Object[]> rows);

    /**
     * Nanoseconds this session has spent waiting for the engine so far (statements, queries, bulk loads): what a
     * node's time minus this is Quarry's own overhead. Zero when a session does not measure it.
     */
    default long engineNanos() {
        return 0;
    }

    /**
     * Tells the session which node its next statements are for (a BigQuery job carries it as the label
     * {@code quarry_node}); null when none. Does nothing by default.
     */
    default void currentNode(String uniqueId) {
    }

    /**
     * What the engine has counted of this session's work so far, by name ({@code bytes_processed},
     * {@code bytes_billed}, {@code slot_ms}, {@code jobs}): a node's share is the difference before and after it.
     * Empty when the engine counts nothing (the embedded engines).
     */
    default Map<String, Long> usage() {
        return Map.of();
    }

    /** The engine's own fields about the last statement it ran ({@code job_id}, {@code location}); empty by default. */
    default Map<String, Object> lastResponse() {
        return Map.of();
    }

    /**
     * The bytes a query would process, asked of the engine without running it (a BigQuery dry run); empty where the
     * engine cannot tell.
     */
    default java.util.OptionalLong estimateBytes(String sql) {
        return java.util.OptionalLong.empty();
    }

    /** Cancels the statement running on this session, from another thread; does nothing when none is. */
    void cancel();

    @Override
    void close();
}
