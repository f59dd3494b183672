package dev.quarry.seed;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineSession;
import dev.quarry.adapter.QueryResult;
import dev.quarry.adapter.RelationInfo;
import dev.quarry.adapter.RelationType;
import dev.quarry.template.Relation;

/** A session that passes every call to another one; test sessions override only what they change. */
abstract class ForwardingSession implements EngineSession {

    protected final EngineSession delegate;

    ForwardingSession(EngineSession delegate) {
        this.delegate = delegate;
    }

    @Override
    public long execute(String sql) {
        return delegate.execute(sql);
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
    public Map<String, RelationType> listRelations(boolean withDatabase) {
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
    }
}
