package dev.quarry.compile;

import java.util.Map;

import dev.quarry.project.Target;
import dev.quarry.template.Relation;

/**
 * Decides where a node's relation lives: {@code database} from config or the target, {@code schema} as
 * {@code <target schema>_<custom schema>} (or what the project's {@code generate_schema_name} says), and the
 * {@code alias} or the node's name.
 */
final class RelationNamer {

    /** A project's own rule for schema names, when its macros define one. */
    interface SchemaNameRule {
        String schemaFor(String customSchema, String nodeName);
    }

    private final SqlDialect dialect;
    private final Target target;
    private final SchemaNameRule customRule;

    RelationNamer(SqlDialect dialect, Target target, SchemaNameRule customRule) {
        this.dialect = dialect;
        this.target = target;
        this.customRule = customRule;
    }

    Relation forNode(String name, Map<String, Object> config) {
        String customSchema = (String) config.get("schema");
        String schema;
        if (customRule != null) {
            schema = customRule.schemaFor(customSchema, name);
        } else {
            schema = customSchema == null ? target.schema() : target.schema() + "_" + customSchema.strip();
        }
        String database = config.get("database") instanceof String configured ? configured : target.database();
        String identifier = config.get("alias") instanceof String alias ? alias : name;
        return relation(database, schema, identifier);
    }

    Relation relation(String database, String schema, String identifier) {
        return new Relation(database, schema, identifier, dialect.relation(database, schema, identifier));
    }
}
