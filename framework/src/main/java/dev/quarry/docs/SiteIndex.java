package dev.quarry.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quarry.compile.ManifestNode;
import dev.quarry.execute.NodeResult;
import dev.quarry.execute.RunResults;

/**
 * The content of {@code index.js}: the project, the shard sizes, one short entry per node ({@code id} = its short
 * id, {@code uid}, {@code type}, {@code name}, {@code package}, {@code path}, {@code tags}, {@code fqn} (for the
 * site's selectors {@code fqn:} and {@code source:}), {@code description}: its first line, {@code materialized},
 * {@code status} of its last run) and the {@link SearchIndex} as {@code search.terms} and {@code search.ids}.
 */
final class SiteIndex {

    private SiteIndex() {
    }

    static Map<String, Object> of(String projectName, SiteGraph graph, Map<String, NodeResult> lastResults,
            SearchIndex search, RunResults results) {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("project", projectName);
        index.put("generated_at", java.time.Instant.now().toString());
        index.put("run_started_at", results == null ? null : results.startedAt().toString());
        index.put("shards", Map.of("nodes", SiteDataWriter.NODES_PER_SHARD, "graph", SiteDataWriter.GRAPH_PER_SHARD));
        List<Map<String, Object>> entries = new ArrayList<>(graph.size());
        for (int id = 0; id < graph.size(); id++) {
            entries.add(entry(id, graph.nodes().get(id), lastResults.get(graph.nodes().get(id).uniqueId())));
        }
        index.put("nodes", entries);
        Map<String, Object> searchIndex = new LinkedHashMap<>();
        searchIndex.put("terms", search.terms());
        searchIndex.put("ids", search.ids());
        index.put("search", searchIndex);
        return index;
    }

    private static Map<String, Object> entry(int id, ManifestNode node, NodeResult result) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("uid", node.uniqueId());
        entry.put("type", node.type().selectorName());
        entry.put("name", node.name());
        entry.put("package", node.packageName());
        entry.put("path", node.path());
        entry.put("tags", node.tags());
        entry.put("fqn", node.fqn());
        entry.put("description", firstLine(node.description()));
        entry.put("materialized", node.materialized());
        entry.put("status", result == null ? null : result.status().label());
        return entry;
    }

    /** The first line that is not blank, stripped; null for none. */
    static String firstLine(String text) {
        if (text == null) {
            return null;
        }
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse(null);
    }
}
