package dev.quarry.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quarry.compile.ManifestNode;
import dev.quarry.execute.RunResults;
import dev.quarry.graph.ResourceType;

/**
 * The content of {@code index.js}: the project, the shard sizes, one short entry per node ({@code id} = its short
 * id, {@code uid}, {@code type}, {@code name}, {@code package}, {@code path}, {@code tags}, the fqn in brief (see
 * {@link #fqnFields}), {@code description}: its first line, {@code materialized},
 * {@code status} of its last run) and the {@link SearchIndex} as {@code search.terms} and {@code search.ids}.
 */
final class SiteIndex {

    private SiteIndex() {
    }

    static Map<String, Object> of(String projectName, SiteGraph graph, SearchIndex search, RunResults results) {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("project", projectName);
        index.put("generated_at", java.time.Instant.now().toString());
        index.put("run_started_at", results == null ? null : results.startedAt().toString());
        index.put("shards", Map.of("nodes", SiteDataWriter.NODES_PER_SHARD, "graph", SiteDataWriter.GRAPH_PER_SHARD));
        List<Map<String, Object>> entries = new ArrayList<>(graph.size());
        for (int id = 0; id < graph.size(); id++) {
            entries.add(entry(id, graph.nodes().get(id), projectName));
        }
        index.put("nodes", entries);
        Map<String, Object> searchIndex = new LinkedHashMap<>();
        searchIndex.put("terms", search.terms());
        searchIndex.put("ids", search.ids());
        index.put("search", searchIndex);
        return index;
    }

    /**
     * A node in brief: what search results and the site's selectors read. Fields at their usual value are left out
     * (the index of 5,000 models has some 17,000 entries, most of them tests): {@code package} when it is the
     * project's, {@code tags} when none, {@code materialized} when the node has none.
     */
    private static Map<String, Object> entry(int id, ManifestNode node, String projectName) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("uid", node.uniqueId());
        entry.put("type", node.type().selectorName());
        entry.put("name", node.name());
        if (!projectName.equals(node.packageName())) {
            entry.put("package", node.packageName());
        }
        entry.put("path", node.path());
        if (!node.tags().isEmpty()) {
            entry.put("tags", node.tags());
        }
        entry.putAll(fqnFields(node));
        if (node.materialized() != null) {
            entry.put("materialized", node.materialized());
        }
        return entry;
    }

    /**
     * The fqn as the site's selectors ({@code fqn:}, {@code source:}) rebuild it, in few bytes: {@code folders}, the
     * parts between the package and the name (a model's folders, a source's source name, a unit test's model),
     * left out when there are none; and the whole {@code fqn} only when the package, the folders and the name (a
     * source's: its table) do not make it.
     */
    static Map<String, Object> fqnFields(ManifestNode node) {
        List<String> fqn = node.fqn();
        List<String> folders = fqn.size() < 2 ? List.of() : fqn.subList(1, fqn.size() - 1);
        Map<String, Object> fields = new LinkedHashMap<>();
        if (!folders.isEmpty()) {
            fields.put("folders", folders);
        }
        if (!fqn.equals(rebuiltFqn(node, folders))) {
            fields.put("fqn", fqn);
        }
        return fields;
    }

    /** The package, the folders and the name; for a source, whose name is {@code source.table}, the table. */
    private static List<String> rebuiltFqn(ManifestNode node, List<String> folders) {
        String sourcePrefix = folders.isEmpty() ? null : folders.get(0) + ".";
        boolean source = node.type() == ResourceType.SOURCE && sourcePrefix != null
                && node.name().startsWith(sourcePrefix);
        List<String> fqn = new ArrayList<>();
        fqn.add(node.packageName());
        fqn.addAll(folders);
        fqn.add(source ? node.name().substring(sourcePrefix.length()) : node.name());
        return fqn;
    }
}
