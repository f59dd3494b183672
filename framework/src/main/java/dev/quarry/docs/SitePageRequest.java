package dev.quarry.docs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * What a {@link SitePage} writes from.
 *
 * @param exposure    the exposure's name (also the page's folder name)
 * @param label       its label, or its name when it has none
 * @param description its description as written (Markdown)
 * @param dir         the folder to write into: {@code <site>/<exposure>/}
 * @param relations   each model, seed or source table the exposure depends on, by name ({@code mart_x}, or
 *                    {@code source.table}), as the relation's SQL name on the target
 * @param warehouse   runs queries on the target
 * @param meta        the exposure's {@code meta:} (page options may live there)
 * @param generatedAt when the site is generated
 */
public record SitePageRequest(String exposure, String label, String description, Path dir,
        Map<String, String> relations, SiteWarehouse warehouse, Map<String, Object> meta, Instant generatedAt) {

    public SitePageRequest {
        relations = Map.copyOf(relations);
        meta = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
    }

    /**
     * The relation of a dependency by name.
     *
     * @throws SitePageException when the exposure does not depend on it (its {@code depends_on} must list it)
     */
    public String relation(String name) throws SitePageException {
        String relation = relations.get(name);
        if (relation == null) {
            throw new SitePageException("the exposure '" + exposure + "' must list ref('" + name
                    + "') under depends_on: the page reads it");
        }
        return relation;
    }
}
