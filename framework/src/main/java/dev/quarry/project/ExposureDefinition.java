package dev.quarry.project;

import java.util.List;
import java.util.Map;

import dev.quarry.error.SourceLocation;

/**
 * Something outside the project that uses its models: a dashboard, a notebook, an application.
 *
 * @param dependsOn {@code ref('x')} and {@code source('a', 'b')} expressions, each with its location
 * @param meta      free-form metadata; {@code site_page} names a page the docs site writes for it (see
 *                  {@code dev.quarry.docs.SitePage})
 */
public record ExposureDefinition(String name, String type, String label, String description, String url,
        String maturity, Map<String, Object> owner, List<Reference> dependsOn, List<String> tags, Map<String, Object> meta, String file,
        SourceLocation location) {

    public ExposureDefinition {
        owner = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(owner));
        dependsOn = List.copyOf(dependsOn);
        tags = List.copyOf(tags);
        meta = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
    }

    /** One {@code depends_on} entry as written. */
    public record Reference(String expression, SourceLocation location) {
    }
}
