package dev.quarry.docs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.quarry.catalog.Catalog;
import dev.quarry.catalog.CatalogColumn;
import dev.quarry.catalog.CatalogTable;
import dev.quarry.compile.ManifestNode;
import dev.quarry.graph.ResourceType;
import dev.quarry.lineage.ColumnLineage;
import dev.quarry.lineage.ColumnRef;
import dev.quarry.lineage.LineageResult;
import dev.quarry.lineage.OutputColumn;
import dev.quarry.project.ColumnProperties;
import dev.quarry.template.Relation;

/**
 * Column-level lineage for the node pages: runs {@link ColumnLineage} on a model's compiled SQL, with the columns of
 * each upstream relation taken from the catalog or else from the upstream node's YAML, and maps each source relation
 * back to the short id of the node whose relation it is; a model whose SQL and upstream columns are unchanged since the
 * last build is not analysed again ({@link LineageCache}). Thread-safe: pages are built in parallel.
 */
final class NodeLineage {

    private final SiteGraph graph;
    private final Catalog catalog;
    private final LineageCache cache;
    private final Map<String, Integer> idsByRelation = new HashMap<>();

    /** @param cache the lineage of earlier builds, reused where nothing it depends on changed */
    NodeLineage(SiteGraph graph, Catalog catalog, LineageCache cache) {
        this.graph = graph;
        this.catalog = catalog;
        this.cache = cache;
        List<ManifestNode> nodes = graph.nodes();
        // The name as rendered wins; schema.identifier and database.schema.identifier catch SQL written otherwise.
        for (int id = 0; id < nodes.size(); id++) {
            Relation relation = nodes.get(id).relation();
            if (relation != null && relation.rendered() != null) {
                idsByRelation.putIfAbsent(ColumnLineage.relationName(relation.rendered()), id);
            }
        }
        for (int id = 0; id < nodes.size(); id++) {
            Relation relation = nodes.get(id).relation();
            if (relation != null && relation.schema() != null && relation.identifier() != null) {
                String name = lower(relation.schema() + "." + relation.identifier());
                idsByRelation.putIfAbsent(name, id);
                if (relation.database() != null) {
                    idsByRelation.putIfAbsent(lower(relation.database()) + "." + name, id);
                }
            }
        }
    }

    /** The lineage of a model's columns, or empty for a node without SQL of its own (seed, source, test). */
    Optional<LineageResult> analyze(ManifestNode node) {
        if (node.type() != ResourceType.MODEL || node.compiledCode() == null || node.compiledCode().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(cache.analyze(node.uniqueId(), node.compiledCode(), this::columnsOf));
    }

    /** {@code {kind, sources: [{id, relation, column}]}}, id null for a relation that is not a node of the project. */
    Map<String, Object> toJson(OutputColumn column) {
        List<Map<String, Object>> sources = new ArrayList<>();
        for (ColumnRef source : column.sources()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", idsByRelation.get(source.relation()));
            entry.put("relation", source.relation());
            entry.put("column", source.column());
            sources.add(entry);
        }
        Map<String, Object> lineage = new LinkedHashMap<>();
        lineage.put("kind", column.kind().name().toLowerCase(Locale.ROOT));
        lineage.put("sources", sources);
        return lineage;
    }

    /** The columns of an upstream relation: the catalog's, else the ones its node's YAML declares. */
    private Optional<List<String>> columnsOf(String relation) {
        Integer id = idsByRelation.get(relation);
        if (id == null) {
            return Optional.empty();
        }
        ManifestNode node = graph.nodes().get(id);
        List<String> found = catalog.table(node.uniqueId()).map(CatalogTable::columns).orElse(List.of()).stream()
                .map(CatalogColumn::name).toList();
        if (!found.isEmpty()) {
            return Optional.of(found);
        }
        List<String> declared = node.columns().stream().map(ColumnProperties::name).toList();
        return declared.isEmpty() ? Optional.empty() : Optional.of(declared);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
