package dev.quarry.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Copies the site's user interface into a site folder: {@code index.html}, {@code app.js} and {@code app.css} (from
 * this package's resources) and, under {@code assets/}, the libraries from their WebJars on the classpath
 * (Cytoscape.js, dagre with graphlib and lodash bundled, the cytoscape-dagre layout adapter, and highlight.js with its
 * SQL language and GitHub style).
 */
public final class SiteAssets {

    private static final String UI = "/dev/quarry/docs/site/";
    private static final List<String> UI_FILES = List.of("index.html", "app.js", "selection.js", "column-graph.js",
            "app.css");

    /** A file in a WebJar: its Maven coordinates (the version is read from the jar) and its path inside. */
    private record WebJarFile(String group, String artifact, String path, String copyAs) {
    }

    private static final List<WebJarFile> LIBRARIES = List.of(
            new WebJarFile("org.webjars.npm", "cytoscape", "dist/cytoscape.min.js", "cytoscape.min.js"),
            new WebJarFile("org.webjars.npm", "dagre", "dist/dagre.min.js", "dagre.min.js"),
            // Only the Bower WebJar of the adapter is on Maven Central; it registers itself with the globals
            // `cytoscape` and `dagre`, so it is loaded after both.
            new WebJarFile("org.webjars.bower", "cytoscape-dagre", "cytoscape-dagre.js", "cytoscape-dagre.js"),
            new WebJarFile("org.webjars", "highlightjs", "highlight.min.js", "highlight.min.js"),
            // The full build registers SQL already; the language file is copied so SQL never depends on the bundle.
            new WebJarFile("org.webjars", "highlightjs", "languages/sql.min.js", "highlight-sql.min.js"),
            new WebJarFile("org.webjars", "highlightjs", "styles/github.min.css", "highlight-github.min.css"));

    /**
     * @param siteDir the site's folder, created if needed
     * @return the files written
     * @throws IllegalStateException when a resource is missing from the classpath (a broken build)
     */
    public List<Path> copy(Path siteDir) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(siteDir.resolve("assets"));
            for (String file : UI_FILES) {
                written.add(copy(UI + file, siteDir.resolve(file)));
            }
            for (WebJarFile library : LIBRARIES) {
                String resource = "/META-INF/resources/webjars/" + library.artifact() + "/" + version(library) + "/"
                        + library.path();
                written.add(copy(resource, siteDir.resolve("assets").resolve(library.copyAs())));
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot write the site's files under " + siteDir, failure);
        }
        return written;
    }

    /** The WebJar's version, from the {@code pom.properties} Maven puts in every jar, so the pom alone pins it. */
    private static String version(WebJarFile library) throws IOException {
        String resource = "/META-INF/maven/" + library.group() + "/" + library.artifact() + "/pom.properties";
        try (InputStream in = open(resource)) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }

    private static Path copy(String resource, Path target) throws IOException {
        try (InputStream in = open(resource)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static InputStream open(String resource) {
        InputStream in = SiteAssets.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing from the classpath: " + resource);
        }
        return in;
    }
}
