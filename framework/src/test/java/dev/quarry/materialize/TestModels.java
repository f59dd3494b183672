package dev.quarry.materialize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quarry.adapter.EngineDialect;
import dev.quarry.compile.ManifestNode;
import dev.quarry.graph.ResourceType;
import dev.quarry.template.Relation;

/** Compiled model nodes as the compiler hands them to materializations. */
final class TestModels {

    private TestModels() {
    }

    /**
     * A model {@code models/<name>.sql} building {@code database.schema.name}.
     *
     * @param config more config after {@code materialized}: key, value, key, value, ...
     */
    static ManifestNode model(EngineDialect dialect, String database, String schema, String name,
            String materialized, String compiledSql, Object... config) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("materialized", materialized);
        for (int index = 0; index < config.length; index += 2) {
            values.put((String) config[index], config[index + 1]);
        }
        Relation relation = new Relation(database, schema, name, dialect.relation(database, schema, name));
        return new ManifestNode("model.shop." + name, ResourceType.MODEL, name, "shop", "models/" + name + ".sql",
                null, List.of("shop", name), compiledSql, compiledSql, "checksum", values, List.of(), "",
                List.of(), List.of(), List.of(), relation, Map.of());
    }
}
