package dev.quarry.seed;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineSession;
import dev.quarry.adapter.QueryResult;
import dev.quarry.adapter.RelationInfo;
import dev.quarry.template.Relation;

/** A session that keeps every statement it ran, and closes what opened it when it is closed. */
final class RecordingSession implements EngineSession {

    private final EngineSession delegate;
    private final AutoCloseable owner;
    final List<String> executed = new ArrayList<>();

    /**
     * @param owner closed after the session (the adapter that opened it), or null
     */
    RecordingSession(EngineSession delegate, AutoCloseable owner) {
        this.delegate = delegate;
        this.owner = owner;
    }

    /** The single value a query returns. */
    Object value(String sql) {
        return query(sql, 1).rows().get(0).get(0);
    }

    @Override
    public long execute(String sql) {
        long affected = delegate.execute(sql);
        executed.add(sql);
        return affected;
    }

    @Override
    public QueryResult query(String sql, int maxRows) {
        return delegate.query(sql, maxRows);
    }

    @Override
    public Optional<RelationInfo> describe(Relation relation) {
        return delegate.describe(relation);
    }

    @Override
    public java.util.Map<String, dev.quarry.adapter.RelationType> listRelations(boolean withDatabase) {
        return delegate.listRelations(withDatabase);
    }

    @Override
    public void createSchemaIfMissing(String database, String schema) {
        delegate.createSchemaIfMissing(database, schema);
    }

    @Override
    public long appendRows(Relation table, List<ColumnInfo> columns, Iterator<Object[]> rows) {
        return delegate.appendRows(table, columns, rows);
    }

    @Override
    public void cancel() {
        delegate.cancel();
    }

    @Override
    public void close() {
        delegate.close();
        if (owner != null) {
            try {
                owner.close();
            } catch (Exception ignored) {
                // An in-memory test database; nothing is lost.
            }
        }
    }
}
