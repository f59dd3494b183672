package dev.quarry.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the warehouse holds of a project's nodes.
 *
 * @param nodes   models and seeds whose relation exists, by unique id, in the project's node order
 * @param sources sources whose relation exists, by unique id
 * @param errors  nodes whose relation could not be described (it does not exist: not built yet, dropped), by unique
 *                id, with why
 */
public record Catalog(Map<String, CatalogTable> nodes, Map<String, CatalogTable> sources,
        Map<String, String> errors) {

    public Catalog {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /** A catalog that knows nothing: what the docs site uses when no warehouse was read. */
    public static Catalog empty() {
        return new Catalog(Map.of(), Map.of(), Map.of());
    }

    /** The table of a node or source, if it exists. */
    public Optional<CatalogTable> table(String uniqueId) {
        CatalogTable table = nodes.get(uniqueId);
        return Optional.ofNullable(table != null ? table : sources.get(uniqueId));
    }
}
