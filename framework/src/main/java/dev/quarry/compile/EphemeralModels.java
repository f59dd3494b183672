package dev.quarry.compile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.quarry.template.Relation;

/**
 * The ephemeral models of a project ({@code materialized='ephemeral'}): they build nothing; {@code ref()} of one prints
 * its CTE name and every node that uses one, directly or through other ephemeral models, gets their SQL inlined as
 * CTEs ({@link CteInjector}), each once, in dependency order.
 *
 * <p>The compile pass runs in waves ({@link #waves}): ephemeral models by depth first, so that each one's own SQL is
 * known ({@link #compiled}) before the nodes that inline it ({@link #ctes}) are compiled. Thread-safe after
 * construction.
 */
final class EphemeralModels {

    /** Ephemeral models by name. */
    private final Map<String, ManifestNode> byName = new LinkedHashMap<>();
    /** What {@code ref()} and {@code this} print for each ephemeral model: its CTE name. */
    private final Map<String, Relation> relations = new HashMap<>();
    /** Every ephemeral ancestor of each ephemeral model reached through ephemeral models only, in dependency order. */
    private final Map<String, List<ManifestNode>> chains = new HashMap<>();
    /** The own compiled SQL of each ephemeral model compiled so far. */
    private final Map<String, String> ownSql = new ConcurrentHashMap<>();

    /** @param nodes every node of the project, with the relations the namer gave them */
    EphemeralModels(Collection<ManifestNode> nodes, SqlDialect dialect) {
        for (ManifestNode node : nodes) {
            if (node.isEphemeral()) {
                byName.put(node.name(), node);
                String identifier = CteInjector.identifier(node.name(), dialect);
                Relation named = node.relation();
                relations.put(node.name(), new Relation(named == null ? null : named.database(),
                        named == null ? "" : named.schema(), CteInjector.PREFIX + node.name(), identifier));
            }
        }
        for (ManifestNode node : byName.values()) {
            chain(node, new LinkedHashSet<>());
        }
    }

    boolean isEmpty() {
        return byName.isEmpty();
    }

    boolean isEphemeral(ManifestNode node) {
        return node.isEphemeral() && byName.containsKey(node.name());
    }

    /** The relation {@code ref('name')} prints, or null when {@code name} is not an ephemeral model. */
    Relation relation(String name) {
        return relations.get(name);
    }

    /** What {@code this} prints in the node: its CTE name for an ephemeral model, otherwise null. */
    Relation self(ManifestNode node) {
        return isEphemeral(node) ? relations.get(node.name()) : null;
    }

    /**
     * The ephemeral models the node inlines, with their own SQL, in dependency order; null when one of them has no
     * SQL (it failed to compile, which was reported).
     */
    List<CteInjector.Cte> ctes(ManifestNode node) {
        List<ManifestNode> ancestors = ancestors(node);
        List<CteInjector.Cte> ctes = new ArrayList<>(ancestors.size());
        for (ManifestNode ancestor : ancestors) {
            String sql = ownSql.get(ancestor.name());
            if (sql == null) {
                return null;
            }
            ctes.add(new CteInjector.Cte(ancestor.name(), relations.get(ancestor.name()).rendered(), sql));
        }
        return ctes;
    }

    /** Records an ephemeral model's own compiled SQL, for the nodes that inline it. */
    void compiled(ManifestNode node, String sql) {
        if (isEphemeral(node)) {
            ownSql.put(node.name(), sql);
        }
    }

    /**
     * The order to compile the nodes in: waves that may each compile in parallel. First the ephemeral models the nodes
     * need (selected or not), by depth (those that inline no other ephemeral model first), then the other nodes.
     * Ephemeral models that are not among {@code nodes} are the instances this was made with.
     */
    List<List<ManifestNode>> waves(List<ManifestNode> nodes) {
        if (byName.isEmpty()) {
            return List.of(nodes);
        }
        Map<String, Integer> depths = new LinkedHashMap<>();
        List<ManifestNode> others = new ArrayList<>();
        for (ManifestNode node : nodes) {
            if (isEphemeral(node)) {
                depth(node, depths);
            } else {
                others.add(node);
                ancestors(node).forEach(ancestor -> depth(ancestor, depths));
            }
        }
        List<List<ManifestNode>> waves = new ArrayList<>();
        depths.forEach((name, depth) -> {
            while (waves.size() <= depth) {
                waves.add(new ArrayList<>());
            }
            waves.get(depth).add(byName.get(name));
        });
        waves.add(others);
        return waves;
    }

    /** 0 for an ephemeral model that inlines no other, else one more than the deepest one it inlines. */
    private int depth(ManifestNode ephemeral, Map<String, Integer> depths) {
        Integer known = depths.get(ephemeral.name());
        if (known != null) {
            return known;
        }
        int depth = 0;
        for (ManifestNode parent : directParents(ephemeral)) {
            depth = Math.max(depth, depth(parent, depths) + 1);
        }
        depths.put(ephemeral.name(), depth);
        return depth;
    }

    /** The ephemeral models a node inlines: each ephemeral model it refs, after the ones that one inlines. */
    List<ManifestNode> ancestors(ManifestNode node) {
        if (byName.isEmpty()) {
            return List.of();
        }
        if (isEphemeral(node)) {
            return chains.get(node.name());
        }
        Map<String, ManifestNode> ordered = new LinkedHashMap<>();
        for (ManifestNode parent : directParents(node)) {
            chains.get(parent.name()).forEach(ancestor -> ordered.putIfAbsent(ancestor.name(), ancestor));
            ordered.putIfAbsent(parent.name(), parent);
        }
        return List.copyOf(ordered.values());
    }

    private List<ManifestNode> chain(ManifestNode ephemeral, Set<String> visiting) {
        List<ManifestNode> known = chains.get(ephemeral.name());
        if (known != null) {
            return known;
        }
        if (!visiting.add(ephemeral.name())) {
            return List.of(); // a cycle, reported by the graph; nothing is compiled then
        }
        Map<String, ManifestNode> ordered = new LinkedHashMap<>();
        for (ManifestNode parent : directParents(ephemeral)) {
            chain(parent, visiting).forEach(ancestor -> ordered.putIfAbsent(ancestor.name(), ancestor));
            ordered.putIfAbsent(parent.name(), parent);
        }
        List<ManifestNode> chain = List.copyOf(ordered.values());
        chains.put(ephemeral.name(), chain);
        return chain;
    }

    /**
     * The first ephemeral model the node refs that is {@code ephemeral} or inlines it: where the node brings it in.
     * {@code ephemeral} itself when there is none.
     */
    String refLeadingTo(ManifestNode node, String ephemeral) {
        for (ManifestNode parent : directParents(node)) {
            if (parent.name().equals(ephemeral)
                    || chains.get(parent.name()).stream().anyMatch(ancestor -> ancestor.name().equals(ephemeral))) {
                return parent.name();
            }
        }
        return ephemeral;
    }

    /** The ephemeral models the node refs, in the order of its refs. */
    private List<ManifestNode> directParents(ManifestNode node) {
        List<ManifestNode> parents = new ArrayList<>();
        for (Reference reference : node.references()) {
            ManifestNode parent = reference.isRef() ? byName.get(reference.name()) : null;
            if (parent != null && !parent.uniqueId().equals(node.uniqueId())
                    && parents.stream().noneMatch(known -> known.name().equals(parent.name()))) {
                parents.add(parent);
            }
        }
        return parents;
    }
}
