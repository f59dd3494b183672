package dev.quarry.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.EngineSession;
import dev.quarry.adapter.RelationInfo;
import dev.quarry.compile.ManifestNode;
import dev.quarry.graph.ResourceType;
import dev.quarry.template.Relation;

/**
 * Reads the catalog of a project's nodes from the warehouse: one {@link EngineSession#describe} per model, seed and
 * source that exists (one listing of the warehouse's relations first, so relations not built yet cost nothing).
 * Ephemeral models build nothing and are left out, as are nodes of other kinds (tests, exposures).
 */
public final class CatalogReader {

    /**
     * @param nodes   the compiled project's nodes ({@code CompiledProject.nodes().values()}), in order
     * @param session an open session on the target; not closed here
     * @throws EngineException when the engine fails for another reason than a missing relation
     */
    public Catalog read(Iterable<ManifestNode> nodes, EngineSession session) {
        return read(nodes, session, null);
    }

    /**
     * The same, describing only the relations in {@code existing} (rendered as the nodes' relations render, as
     * {@link EngineSession#listRelations} lists them); the others are errors at once. Null: describe every one.
     */
    public Catalog read(Iterable<ManifestNode> nodes, EngineSession session, java.util.Set<String> existing) {
        Map<String, CatalogTable> tables = new LinkedHashMap<>();
        Map<String, CatalogTable> sources = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (ManifestNode node : nodes) {
            if (!isCatalogued(node)) {
                continue;
            }
            Optional<RelationInfo> info = existing != null && !existing.contains(node.relation().rendered())
                    ? Optional.empty() : session.describe(node.relation());
            if (info.isEmpty()) {
                errors.put(node.uniqueId(), "relation " + node.relation().rendered() + " does not exist");
                continue;
            }
            CatalogTable table = table(node.uniqueId(), node.relation(), info.get());
            (node.type() == ResourceType.SOURCE ? sources : tables).put(node.uniqueId(), table);
        }
        return new Catalog(tables, sources, errors);
    }

    /** Whether a node has a relation of its own in the warehouse. */
    static boolean isCatalogued(ManifestNode node) {
        boolean relationKind = node.type() == ResourceType.MODEL || node.type() == ResourceType.SEED
                || node.type() == ResourceType.SOURCE;
        return relationKind && node.relation() != null && !node.isEphemeral();
    }

    private static CatalogTable table(String uniqueId, Relation relation, RelationInfo info) {
        List<CatalogColumn> columns = new ArrayList<>(info.columns().size());
        for (ColumnInfo column : info.columns()) {
            columns.add(new CatalogColumn(column.name(), columns.size() + 1, column.dataType()));
        }
        return new CatalogTable(uniqueId, info.type(), relation.database(), relation.schema(),
                relation.identifier(), columns);
    }
}
