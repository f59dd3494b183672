package dev.quarry.graph;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A parsed {@code --select} or {@code --exclude}, as {@link SelectorParser} produces it. {@link #evaluate} gives the
 * ids of the nodes it matches directly, in no particular order; {@link NodeSelector} adds tests, applies
 * {@code --exclude} and orders the result.
 */
public sealed interface SelectionExpression {

    /** The ids of the nodes of {@code graph} this expression matches. */
    Set<String> evaluate(ModelGraph graph);

    /** Nodes matched by any member: the space-separated terms of a selection. */
    record Union(List<SelectionExpression> members) implements SelectionExpression {

        public Union {
            members = List.copyOf(members);
        }

        @Override
        public Set<String> evaluate(ModelGraph graph) {
            Set<String> matched = new LinkedHashSet<>();
            members.forEach(member -> matched.addAll(member.evaluate(graph)));
            return matched;
        }
    }

    /** Nodes matched by every member: the comma-separated parts of one term. */
    record Intersection(List<SelectionExpression> members) implements SelectionExpression {

        public Intersection {
            members = List.copyOf(members);
            if (members.isEmpty()) {
                throw new IllegalArgumentException("an intersection needs members");
            }
        }

        @Override
        public Set<String> evaluate(ModelGraph graph) {
            Set<String> matched = new LinkedHashSet<>(members.get(0).evaluate(graph));
            members.subList(1, members.size()).forEach(member -> matched.retainAll(member.evaluate(graph)));
            return matched;
        }
    }

    /**
     * A criterion widened along the graph: {@code 2+x} ({@code ancestorDepth} 2), {@code x+} ({@code descendantDepth}
     * {@link #ALL}), or {@code @x}: the node, its descendants and every ancestor of those.
     *
     * @param ancestorDepth            levels of ancestors to add: {@link #NONE}, {@link #ALL} or a positive count
     * @param descendantDepth          levels of descendants to add, the same way
     * @param withDescendantsAncestors the {@code @} operator; then both depths are {@link #NONE}
     */
    record GraphOperator(Criterion criterion, int ancestorDepth, int descendantDepth, boolean withDescendantsAncestors)
            implements SelectionExpression {

        /** No levels. */
        public static final int NONE = 0;
        /** Every level, as {@link ModelGraph#ancestors} takes it. */
        public static final int ALL = -1;

        public GraphOperator {
            Objects.requireNonNull(criterion, "criterion");
            if (ancestorDepth < ALL || descendantDepth < ALL) {
                throw new IllegalArgumentException("a depth is NONE, ALL or positive");
            }
            if (withDescendantsAncestors && (ancestorDepth != NONE || descendantDepth != NONE)) {
                throw new IllegalArgumentException("'@' takes no depths");
            }
        }

        @Override
        public Set<String> evaluate(ModelGraph graph) {
            Set<String> matched = criterion.evaluate(graph);
            Set<String> widened = new LinkedHashSet<>(matched);
            if (withDescendantsAncestors) {
                matched.forEach(id -> widened.addAll(graph.descendants(id, ALL)));
                List.copyOf(widened).forEach(id -> widened.addAll(graph.ancestors(id, ALL)));
                return widened;
            }
            for (String id : matched) {
                if (ancestorDepth != NONE) {
                    widened.addAll(graph.ancestors(id, ancestorDepth));
                }
                if (descendantDepth != NONE) {
                    widened.addAll(graph.descendants(id, descendantDepth));
                }
            }
            return widened;
        }
    }

    /**
     * One {@code method:value}, or a bare value (then {@link SelectionMethod#FQN} or {@link SelectionMethod#PATH}).
     *
     * @param key the config key of {@code config.<key>:value}; null for other methods
     */
    record Criterion(SelectionMethod method, String key, String value) implements SelectionExpression {

        public Criterion {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(value, "value");
            if ((method == SelectionMethod.CONFIG) != (key != null)) {
                throw new IllegalArgumentException("a key goes with config and only with config");
            }
        }

        @Override
        public Set<String> evaluate(ModelGraph graph) {
            Predicate<GraphNode> matcher = method.matcher(key, value);
            Set<String> matched = new LinkedHashSet<>();
            graph.nodes().stream().filter(matcher).forEach(node -> matched.add(node.uniqueId()));
            return matched;
        }
    }
}
