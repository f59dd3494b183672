package dev.quarry.docs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.quarry.compile.ManifestNode;
import dev.quarry.project.ColumnProperties;

/**
 * Builds the {@link SearchIndex} of the site's nodes from their names, descriptions, column names (declared in YAML
 * and found in the catalog) and tags. A name is indexed whole ({@code stg_orders}) and by its parts ({@code stg},
 * {@code orders}); descriptions by their words.
 */
final class SearchTerms {

    /** Words of one letter or digit find too much to be worth their postings. */
    private static final int SHORTEST_WORD = 2;

    private SearchTerms() {
    }

    static SearchIndex build(SiteGraph graph, Map<String, List<String>> catalogColumns) {
        Map<String, List<Integer>> postings = new HashMap<>();
        for (int id = 0; id < graph.size(); id++) {
            ManifestNode node = graph.nodes().get(id);
            Set<String> terms = new LinkedHashSet<>();
            identifier(node.name(), terms);
            node.tags().forEach(tag -> identifier(tag, terms));
            node.columns().stream().map(ColumnProperties::name).forEach(name -> identifier(name, terms));
            catalogColumns.getOrDefault(node.uniqueId(), List.of()).forEach(name -> identifier(name, terms));
            terms.addAll(words(node.description()));
            for (String term : terms) {
                postings.computeIfAbsent(term, key -> new ArrayList<>(2)).add(id);
            }
        }
        TreeMap<String, List<Integer>> sorted = new TreeMap<>(postings);
        List<int[]> ids = sorted.values().stream()
                .map(list -> list.stream().mapToInt(Integer::intValue).toArray()).toList();
        return new SearchIndex(new ArrayList<>(sorted.keySet()), ids);
    }

    /** An identifier whole, lower-cased, and its words. */
    private static void identifier(String name, Set<String> terms) {
        if (name == null || name.isBlank()) {
            return;
        }
        terms.add(name.toLowerCase(Locale.ROOT));
        terms.addAll(words(name));
    }

    /** The lower-case words of a text: runs of letters and digits, at least two long. */
    static List<String> words(String text) {
        return words(text, SHORTEST_WORD);
    }

    /** The lower-case words of a text: runs of letters and digits, at least {@code shortest} long. */
    static List<String> words(String text, int shortest) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int index = 0; index <= lower.length(); index++) {
            boolean wordChar = index < lower.length() && Character.isLetterOrDigit(lower.charAt(index));
            if (wordChar && start < 0) {
                start = index;
            } else if (!wordChar && start >= 0) {
                if (index - start >= shortest) {
                    words.add(lower.substring(start, index));
                }
                start = -1;
            }
        }
        return words;
    }
}
