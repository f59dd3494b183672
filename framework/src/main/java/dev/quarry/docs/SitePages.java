package dev.quarry.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import dev.quarry.compile.ManifestNode;
import dev.quarry.graph.ResourceType;

/**
 * Writes the {@link SitePage}s the project's exposures ask for ({@code meta: {site_page: <type>}}), each into
 * {@code <site>/<exposure name>/}, replacing what an earlier run wrote there, and lists those written in
 * {@code <site>/data/pages.js} for the site's header.
 */
public final class SitePages {

    /** The exposure's {@code meta} key that names a page type. */
    public static final String META_KEY = "site_page";

    private final Map<String, SitePage> byType;
    private final ScriptFile scripts = new ScriptFile(new com.fasterxml.jackson.databind.ObjectMapper());

    private SitePages(Map<String, SitePage> byType) {
        this.byType = byType;
    }

    /** Every {@link SitePage} the class loader finds; two of one type keep the first found. */
    public static SitePages onClasspath() {
        List<SitePage> found = new ArrayList<>();
        ServiceLoader.load(SitePage.class).forEach(found::add);
        return of(found);
    }

    public static SitePages of(List<SitePage> pages) {
        Map<String, SitePage> byType = new TreeMap<>();
        pages.forEach(page -> byType.putIfAbsent(page.type(), page));
        return new SitePages(byType);
    }

    /** A page written, or the reason it was not. */
    public record Outcome(String exposure, String label, String href, String definedAt, String problem) {

        public boolean written() {
            return problem == null;
        }
    }

    /**
     * Writes every page asked for, in exposure order; a page that fails leaves the others written.
     *
     * @param nodes every node of the manifest, by unique id
     */
    public List<Outcome> write(Map<String, ManifestNode> nodes, SiteWarehouse warehouse, Path siteDir,
            Instant generatedAt) {
        List<Outcome> outcomes = new ArrayList<>();
        for (ManifestNode exposure : nodes.values()) {
            String type = pageType(exposure);
            if (exposure.type() == ResourceType.EXPOSURE && type != null) {
                outcomes.add(write(exposure, type, nodes, warehouse, siteDir, generatedAt));
            }
        }
        listWritten(outcomes, siteDir.resolve("data"));
        return outcomes;
    }

    /** {@code data/pages.js}: the pages written, for the site's header ({@code window.quarrySite.pages([...])}). */
    private void listWritten(List<Outcome> outcomes, Path dataDir) {
        List<Map<String, String>> written = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome.written()) {
                Map<String, String> link = new LinkedHashMap<>();
                link.put("name", outcome.exposure());
                link.put("label", outcome.label());
                link.put("href", outcome.href());
                written.add(link);
            }
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot create " + dataDir, failure);
        }
        scripts.write(dataDir.resolve("pages.js"), "pages", written);
    }

    private Outcome write(ManifestNode exposure, String type, Map<String, ManifestNode> nodes,
            SiteWarehouse warehouse, Path siteDir, Instant generatedAt) {
        String label = exposure.details().get("label") instanceof String text ? text : exposure.name();
        String definedAt = exposure.details().get("defined_at") instanceof String at ? at : exposure.path();
        String href = exposure.name() + "/index.html";
        SitePage page = byType.get(type);
        if (page == null) {
            return new Outcome(exposure.name(), label, href, definedAt, "no plugin on the classpath writes a site "
                    + "page of type '" + type + "'" + (byType.isEmpty() ? "" : "; known: "
                    + String.join(", ", byType.keySet())));
        }
        Path dir = siteDir.resolve(exposure.name());
        try {
            Folders.emptied(dir);
            page.write(new SitePageRequest(exposure.name(), label, exposure.description(), dir,
                    relations(exposure, nodes), warehouse, meta(exposure), generatedAt));
            return new Outcome(exposure.name(), label, href, definedAt, null);
        } catch (SitePageException failure) {
            return new Outcome(exposure.name(), label, href, definedAt, "the site page '" + exposure.name()
                    + "' could not be written: " + failure.getMessage());
        }
    }

    private static String pageType(ManifestNode node) {
        return meta(node).get(META_KEY) instanceof String type && !type.isBlank() ? type : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> meta(ManifestNode node) {
        return node.details().get("meta") instanceof Map<?, ?> meta ? (Map<String, Object>) meta : Map.of();
    }

    /** The exposure's dependencies that build or read a relation: by name (a source table's is source.table). */
    private static Map<String, String> relations(ManifestNode exposure, Map<String, ManifestNode> nodes) {
        Map<String, String> relations = new LinkedHashMap<>();
        for (String id : exposure.dependsOn()) {
            ManifestNode node = nodes.get(id);
            if (node != null && node.relation() != null) {
                relations.put(node.name(), node.relation().rendered());
            }
        }
        return relations;
    }
}
