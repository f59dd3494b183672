package dev.quarry.materialize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.EngineSession;
import dev.quarry.adapter.QueryResult;
import dev.quarry.adapter.RelationInfo;
import dev.quarry.template.Relation;

/**
 * A hand-written fake session: runs nothing, records every statement, describes the relations it was given, and
 * fails the statements a rule picks with the engine message {@code boom: <statement>} (and, when told, every
 * describe).
 */
final class ScriptedSession implements EngineSession {

    private final Map<String, RelationInfo> relations = new HashMap<>();
    private final List<String> executed = new ArrayList<>();
    private final List<String> described = new ArrayList<>();
    private Predicate<String> failing = sql -> false;
    private long rowsPerStatement = 3;
    private String describeFailure;

    /** The relation (by its rendered name) exists as described. */
    ScriptedSession with(Relation relation, RelationInfo info) {
        relations.put(relation.rendered(), info);
        return this;
    }

    /** Statements this rule picks fail. */
    ScriptedSession failing(Predicate<String> rule) {
        failing = rule;
        return this;
    }

    /** Every describe fails with this engine message. */
    ScriptedSession failingDescribes(String message) {
        describeFailure = message;
        return this;
    }

    ScriptedSession reportingRows(long rows) {
        rowsPerStatement = rows;
        return this;
    }

    List<String> executed() {
        return executed;
    }

    List<String> described() {
        return described;
    }

    @Override
    public long execute(String sql) {
        executed.add(sql);
        if (failing.test(sql)) {
            throw new EngineException("boom: " + sql.lines().findFirst().orElse(""), null);
        }
        return sql.startsWith("create table") || sql.startsWith("insert") || sql.startsWith("merge")
                ? rowsPerStatement : -1;
    }

    @Override
    public Optional<RelationInfo> describe(Relation relation) {
        described.add(relation.rendered());
        if (describeFailure != null) {
            throw new EngineException(describeFailure, null);
        }
        return Optional.ofNullable(relations.get(relation.rendered()));
    }

    @Override
    public QueryResult query(String sql, int maxRows) {
        throw new UnsupportedOperationException("materializations do not query");
    }

    @Override
    public java.util.Map<String, dev.quarry.adapter.RelationType> listRelations(boolean withDatabase) {
        throw new UnsupportedOperationException("materializations do not list relations");
    }

    @Override
    public void createSchemaIfMissing(String database, String schema) {
        throw new UnsupportedOperationException("materializations do not create schemas");
    }

    @Override
    public long appendRows(Relation table, List<ColumnInfo> columns, Iterator<Object[]> rows) {
        throw new UnsupportedOperationException("materializations do not load rows");
    }

    @Override
    public void cancel() {
        // Nothing runs, so nothing to cancel.
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
