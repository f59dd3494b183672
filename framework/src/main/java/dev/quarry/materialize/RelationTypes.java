package dev.quarry.materialize;

import java.util.Optional;

import dev.quarry.adapter.EngineSession;
import dev.quarry.adapter.RelationInfo;
import dev.quarry.adapter.RelationType;
import dev.quarry.template.Relation;

/**
 * Which relations exist, and as what: how the runner learns of a model's relation and of the leftovers of an
 * interrupted build. A scheduler can answer from one listing of the warehouse per run instead of a query per
 * relation (on DuckDB, describing through {@code information_schema} costs milliseconds per call once the database
 * holds many views).
 */
@FunctionalInterface
public interface RelationTypes {

    /** The relation's type, or empty when it does not exist. */
    Optional<RelationType> typeOf(Relation relation);

    /** Asks the session, one {@link EngineSession#describe} per relation. */
    static RelationTypes describing(EngineSession session) {
        return relation -> session.describe(relation).map(RelationInfo::type);
    }
}
