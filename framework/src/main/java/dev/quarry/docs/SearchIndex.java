package dev.quarry.docs;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The prebuilt search index: distinct lower-case terms sorted by UTF-16 code units (Java's {@code compareTo},
 * JavaScript's default sort and {@code <}), each with the sorted short ids of the nodes it occurs in. Because the
 * terms are sorted, the terms starting with any prefix are one contiguous run, found by binary search: the site finds
 * results while the user types without storing every prefix. {@link #find} is the lookup the UI implements.
 *
 * @param terms sorted, distinct
 * @param ids   per term, the short ids of its nodes, ascending
 */
public record SearchIndex(List<String> terms, List<int[]> ids) {

    public SearchIndex {
        terms = List.copyOf(terms);
        ids = List.copyOf(ids);
    }

    /**
     * The nodes matching every word of a query, each word as a prefix of some term of the node.
     *
     * @return short ids, ascending; empty for a query with no words
     */
    public Set<Integer> find(String query) {
        Set<Integer> result = null;
        for (String word : SearchTerms.words(query, 1)) {
            Set<Integer> matches = prefixMatches(word);
            if (result == null) {
                result = matches;
            } else {
                result.retainAll(matches);
            }
        }
        return result == null ? Set.of() : result;
    }

    private Set<Integer> prefixMatches(String prefix) {
        Set<Integer> matches = new TreeSet<>();
        int position = firstAtLeast(prefix);
        for (int term = position; term < terms.size() && terms.get(term).startsWith(prefix); term++) {
            Arrays.stream(ids.get(term)).forEach(matches::add);
        }
        return matches;
    }

    private int firstAtLeast(String prefix) {
        int low = 0;
        int high = terms.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (terms.get(middle).compareTo(prefix) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
