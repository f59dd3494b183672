package dev.quarry.docs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.quarry.compile.ManifestNode;

/**
 * The site's nodes numbered in the manifest's order (a node's short id is its position), with each node's parents
 * (what it depends on) and children (what depends on it) as short ids. Dependencies on nodes not in the site are left
 * out.
 */
record SiteGraph(List<ManifestNode> nodes, Map<String, Integer> shortIds, List<List<Integer>> parents,
        List<List<Integer>> children) {

    static SiteGraph of(Collection<ManifestNode> manifestNodes) {
        List<ManifestNode> nodes = List.copyOf(manifestNodes);
        Map<String, Integer> shortIds = new HashMap<>(nodes.size() * 2);
        for (ManifestNode node : nodes) {
            shortIds.put(node.uniqueId(), shortIds.size());
        }
        List<List<Integer>> parents = new ArrayList<>(nodes.size());
        List<List<Integer>> children = new ArrayList<>(nodes.size());
        for (int index = 0; index < nodes.size(); index++) {
            parents.add(new ArrayList<>());
            children.add(new ArrayList<>());
        }
        for (int child = 0; child < nodes.size(); child++) {
            for (String parentId : nodes.get(child).dependsOn()) {
                Integer parent = shortIds.get(parentId);
                if (parent != null && !parents.get(child).contains(parent)) {
                    parents.get(child).add(parent);
                    children.get(parent).add(child);
                }
            }
        }
        return new SiteGraph(nodes, shortIds, parents, children);
    }

    int size() {
        return nodes.size();
    }

    /** The unique ids of some short ids, in their order. */
    List<String> uniqueIds(List<Integer> ids) {
        return ids.stream().map(id -> nodes.get(id).uniqueId()).toList();
    }
}
