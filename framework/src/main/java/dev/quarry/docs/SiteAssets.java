package dev.quarry.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

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

    /** A library file and the name it has under {@code assets/}. */
    private record Library(WebJarFile file, String copyAs) {
        Library(String group, String artifact, String path, String copyAs) {
            this(new WebJarFile(group, artifact, path), copyAs);
        }
    }

    private static final List<Library> LIBRARIES = List.of(
            new Library("org.webjars.npm", "cytoscape", "dist/cytoscape.min.js", "cytoscape.min.js"),
            new Library("org.webjars.npm", "dagre", "dist/dagre.min.js", "dagre.min.js"),
            // Only the Bower WebJar of the adapter is on Maven Central; it registers itself with the globals
            // `cytoscape` and `dagre`, so it is loaded after both.
            new Library("org.webjars.bower", "cytoscape-dagre", "cytoscape-dagre.js", "cytoscape-dagre.js"),
            new Library("org.webjars", "highlightjs", "highlight.min.js", "highlight.min.js"),
            // The full build registers SQL already; the language file is copied so SQL never depends on the bundle.
            new Library("org.webjars", "highlightjs", "languages/sql.min.js", "highlight-sql.min.js"),
            new Library("org.webjars", "highlightjs", "styles/github.min.css", "highlight-github.min.css"));

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
            for (Library library : LIBRARIES) {
                written.add(library.file().copyTo(siteDir.resolve("assets").resolve(library.copyAs())));
            }
            // index.html loads the list of plugin pages; SitePages writes it, and until then it lists none.
            Path pages = siteDir.resolve("data/pages.js");
            if (!Files.exists(pages)) {
                Files.createDirectories(pages.getParent());
                Files.writeString(pages, ScriptFile.GLOBAL + "pages([]);\n");
                written.add(pages);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot write the site's files under " + siteDir, failure);
        }
        return written;
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
