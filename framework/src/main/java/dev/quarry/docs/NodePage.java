package dev.quarry.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.quarry.catalog.Catalog;
import dev.quarry.catalog.CatalogColumn;
import dev.quarry.catalog.CatalogTable;
import dev.quarry.compile.ManifestNode;
import dev.quarry.execute.NodeResult;
import dev.quarry.graph.ResourceType;
import dev.quarry.lineage.LineageResult;
import dev.quarry.lineage.OutputColumn;
import dev.quarry.project.ColumnProperties;

/**
 * Everything a node's page shows, as plain values for JSON: its description (raw Markdown), columns (the catalog's
 * order and types merged with the YAML's descriptions and types, and the data tests on each), config, dependencies
 * both ways, SQL, relation as the warehouse has it, its last run, and (for a model) where each column comes from.
 */
final class NodePage {

    private final SiteGraph graph;
    private final Catalog catalog;
    private final Map<String, NodeResult> lastResults;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final NodeLineage lineage;

    NodePage(SiteGraph graph, Catalog catalog, Map<String, NodeResult> lastResults, LineageCache lineageCache) {
        this.graph = graph;
        this.catalog = catalog;
        this.lastResults = lastResults;
        this.lineage = new NodeLineage(graph, catalog, lineageCache);
    }

    Map<String, Object> of(int id) {
        ManifestNode node = graph.nodes().get(id);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("id", id);
        page.put("unique_id", node.uniqueId());
        page.put("type", node.type().selectorName());
        page.put("name", node.name());
        page.put("package", node.packageName());
        page.put("path", node.path());
        page.put("patch_path", node.patchPath());
        page.put("relation", node.relation() == null ? null : node.relation().rendered());
        page.put("description", node.description());
        page.put("description_html", markdown.render(node.description()));
        page.put("tags", node.tags());
        page.put("config", node.config());
        page.put("catalog", catalogInfo(node));
        Optional<LineageResult> columnLineage = lineage.analyze(node);
        page.put("columns", columns(node, id, columnLineage.map(LineageResult::columns).orElse(List.of())));
        page.put("lineage_problems", columnLineage.map(LineageResult::problems).orElse(null));
        page.put("tests", tests(id, null));
        page.put("depends_on", node.dependsOn());
        page.put("referenced_by", graph.uniqueIds(graph.children().get(id)));
        page.put("raw_code", node.rawCode());
        page.put("compiled_code", node.compiledCode());
        page.put("run", run(lastResults.get(node.uniqueId())));
        return page;
    }

    private Map<String, Object> catalogInfo(ManifestNode node) {
        Optional<CatalogTable> table = catalog.table(node.uniqueId());
        if (table.isPresent()) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("type", table.get().type().name().toLowerCase(java.util.Locale.ROOT));
            info.put("database", table.get().database());
            info.put("schema", table.get().schema());
            info.put("name", table.get().name());
            return info;
        }
        String error = catalog.errors().get(node.uniqueId());
        return error == null ? null : Map.of("error", error);
    }

    /**
     * The catalog's columns in order, then the columns only the YAML declares, then those only the lineage knows (a
     * model not built yet); each with its lineage, or null.
     */
    private List<Map<String, Object>> columns(ManifestNode node, int id, List<OutputColumn> outputs) {
        Map<String, ColumnProperties> declared = new LinkedHashMap<>();
        node.columns().forEach(column -> declared.put(column.name().toLowerCase(java.util.Locale.ROOT), column));
        List<Map<String, Object>> columns = new ArrayList<>();
        List<CatalogColumn> found = catalog.table(node.uniqueId()).map(CatalogTable::columns).orElse(List.of());
        for (CatalogColumn column : found) {
            columns.add(column(id, column.name(), declared.remove(column.name().toLowerCase(java.util.Locale.ROOT)),
                    column));
        }
        for (ColumnProperties column : declared.values()) {
            columns.add(column(id, column.name(), column, null));
        }
        Map<String, OutputColumn> byName = new LinkedHashMap<>();
        outputs.forEach(output -> byName.putIfAbsent(output.name().toLowerCase(java.util.Locale.ROOT), output));
        for (Map<String, Object> column : columns) {
            OutputColumn output = byName.remove(column.get("name").toString().toLowerCase(java.util.Locale.ROOT));
            column.put("lineage", output == null ? null : lineage.toJson(output));
        }
        for (OutputColumn output : byName.values()) {
            Map<String, Object> column = column(id, output.name(), null, null);
            column.put("lineage", lineage.toJson(output));
            columns.add(column);
        }
        return columns;
    }

    private Map<String, Object> column(int id, String name, ColumnProperties declared, CatalogColumn found) {
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("name", name);
        column.put("index", found == null ? null : found.index());
        column.put("type", found == null ? null : found.type());
        column.put("data_type", declared == null ? null : declared.dataType());
        column.put("description", declared == null ? null : declared.description());
        column.put("description_html", declared == null ? null : markdown.render(declared.description()));
        column.put("tags", declared == null ? List.of() : declared.tags());
        column.put("meta", declared == null ? Map.of() : declared.meta());
        column.put("tests", tests(id, name));
        return column;
    }

    /** The data tests of a node: on one column, or (column null) on the node as a whole and singular tests. */
    private List<Map<String, Object>> tests(int id, String columnName) {
        List<Map<String, Object>> tests = new ArrayList<>();
        for (int child : graph.children().get(id)) {
            ManifestNode test = graph.nodes().get(child);
            if (test.type() != ResourceType.DATA_TEST) {
                continue;
            }
            Object column = test.details().get("column_name");
            boolean matches = columnName == null ? column == null
                    : column != null && columnName.equalsIgnoreCase(column.toString());
            if (matches) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("unique_id", test.uniqueId());
                entry.put("name", testName(test));
                NodeResult result = lastResults.get(test.uniqueId());
                entry.put("status", result == null ? null : result.status().label());
                tests.add(entry);
            }
        }
        return tests;
    }

    /** {@code not_null}, {@code accepted_values}, ... for a generic test; the file's name for a singular one. */
    private static String testName(ManifestNode test) {
        return test.details().get("test_metadata") instanceof Map<?, ?> metadata && metadata.get("name") != null
                ? metadata.get("name").toString() : test.name();
    }

    private static Map<String, Object> run(NodeResult result) {
        if (result == null) {
            return null;
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("status", result.status().label());
        run.put("started_at", result.startedAt().toString());
        run.put("execution_time", result.duration().toNanos() / 1_000_000_000.0);
        run.put("rows_affected", result.rowsAffected());
        run.put("message", result.message());
        return run;
    }
}
