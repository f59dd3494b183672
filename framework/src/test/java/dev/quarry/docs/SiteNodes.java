package dev.quarry.docs;

import java.util.List;
import java.util.Map;

import dev.quarry.compile.ManifestNode;
import dev.quarry.error.SourceLocation;
import dev.quarry.graph.ResourceType;
import dev.quarry.project.ColumnProperties;
import dev.quarry.template.Relation;

/** Manifest nodes made by hand for the site data tests. */
final class SiteNodes {

    private SiteNodes() {
    }

    static ManifestNode model(String name, String materialized, String description, List<ColumnProperties> columns,
            String... dependsOn) {
        return node(ResourceType.MODEL, "model.shop." + name, name, "models/" + name + ".sql",
                Map.of("materialized", materialized), description, columns, List.of(dependsOn), Map.of());
    }

    /** A model whose compiled SQL is the one given (the lineage tests). */
    static ManifestNode model(String name, String sql, List<ColumnProperties> columns, String... dependsOn) {
        return node(ResourceType.MODEL, "model.shop." + name, name, "models/" + name + ".sql",
                Map.of("materialized", "view"), "", columns, List.of(dependsOn), Map.of(), sql);
    }

    static ManifestNode seed(String name) {
        return node(ResourceType.SEED, "seed.shop." + name, name, "seeds/" + name + ".csv",
                Map.of("materialized", "seed"), "", List.of(), List.of(), Map.of());
    }

    static ManifestNode columnTest(String testName, ManifestNode model, String column) {
        String name = testName + "_" + model.name() + "_" + column;
        return node(ResourceType.DATA_TEST, "test.shop." + name, name, "models/schema.yml",
                Map.of("severity", "error"), "", List.of(), List.of(model.uniqueId()),
                Map.of("test_metadata", Map.of("name", testName, "kwargs", Map.of("column_name", column)),
                        "attached_node", model.uniqueId(), "column_name", column));
    }

    /** The node as another type with another name and fqn (folders, sources), the rest kept. */
    static ManifestNode renamed(ManifestNode node, ResourceType type, String name, List<String> fqn) {
        return new ManifestNode(node.uniqueId(), type, name, node.packageName(), node.path(), node.patchPath(), fqn,
                node.rawCode(), node.compiledCode(), node.checksum(), node.config(), node.tags(), node.description(),
                node.columns(), node.references(), node.dependsOn(), node.relation(), node.details());
    }

    static ColumnProperties column(String name, String description, String dataType) {
        return new ColumnProperties(name, description, dataType, List.of(), Map.of(), List.of(),
                SourceLocation.of("models/schema.yml"));
    }

    private static ManifestNode node(ResourceType type, String uniqueId, String name, String path,
            Map<String, Object> config, String description, List<ColumnProperties> columns, List<String> dependsOn,
            Map<String, Object> details) {
        return node(type, uniqueId, name, path, config, description, columns, dependsOn, details,
                type == ResourceType.SEED ? null : "select * from somewhere -- " + name);
    }

    private static ManifestNode node(ResourceType type, String uniqueId, String name, String path,
            Map<String, Object> config, String description, List<ColumnProperties> columns, List<String> dependsOn,
            Map<String, Object> details, String sql) {
        Relation relation = type == ResourceType.DATA_TEST ? null
                : new Relation(null, "main", name, "\"main\".\"" + name + "\"");
        return new ManifestNode(uniqueId, type, name, "shop", path, null, List.of("shop", name), sql, sql,
                "checksum", config, type == ResourceType.MODEL ? List.of("nightly") : List.of(), description,
                columns, List.of(), dependsOn, relation, details);
    }
}
