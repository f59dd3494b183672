package dev.quarry.execute;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.quarry.adapter.EngineSession;
import dev.quarry.template.Relation;

/** Creates each schema a run builds into, once, before the first relation in it. Shared by the worker threads. */
final class SchemaPreparer {

    private final Set<String> created = ConcurrentHashMap.newKeySet();

    void prepare(EngineSession session, Relation relation) {
        String key = relation.database() + "." + relation.schema();
        if (!created.contains(key)) {
            synchronized (this) {
                if (!created.contains(key)) {
                    session.createSchemaIfMissing(relation.database(), relation.schema());
                    created.add(key);
                }
            }
        }
    }
}
