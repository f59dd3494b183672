package dev.quarry.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.EngineSession;
import dev.quarry.artifacts.CatalogWriter;
import dev.quarry.artifacts.ManifestWriter;
import dev.quarry.artifacts.QuarryVersion;
import dev.quarry.artifacts.RunResultsReader;
import dev.quarry.artifacts.SqlFileWriter;
import dev.quarry.catalog.Catalog;
import dev.quarry.catalog.CatalogReader;
import dev.quarry.compile.CompiledProject;
import dev.quarry.docs.SiteAssets;
import dev.quarry.docs.SiteData;
import dev.quarry.docs.SiteDataWriter;
import dev.quarry.docs.SitePageException;
import dev.quarry.docs.SitePages;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.ErrorCode;
import dev.quarry.error.SourceLocation;
import dev.quarry.execute.RunResults;
import dev.quarry.project.Project;
import dev.quarry.report.Reporter;

/**
 * Writes the documentation site: compiles every node, reads the catalog from the warehouse, and writes
 * {@code target/catalog.json}, the site under {@code target/site/} (with the last run's statuses when
 * {@code target/run_results.json} exists) and the pages the exposures ask for (a dashboard). What
 * {@code docs generate} does, and {@code build} after its run.
 */
final class SiteGeneration {

    private final Workspace workspace;
    private final Reporter reporter;
    private final String invocationId;

    SiteGeneration(Workspace workspace, String invocationId) {
        this.workspace = workspace;
        this.reporter = workspace.reporter();
        this.invocationId = invocationId;
    }

    /** @return the exit code: 0, or {@link ErrorCode#NODE_FAILURE} when a page could not be written */
    int generate() {
        Diagnostics diagnostics = new Diagnostics();
        Project loaded = workspace.load(diagnostics, true);
        Path targetDir = loaded.targetDir();
        try (SqlFileWriter writer = SqlFileWriter.compiled(targetDir);
                RunEngines engines = workspace.engines(loaded);
                EngineSession session = engines.target().openSession()) {
            // What exists decides is_incremental(), as in a run: the compiled SQL is what the next run would run
            // (and, after a build, what it ran), not every incremental model's first build. Keys as relations
            // render: with the database part where the target names one (as in RunPipeline).
            Set<String> existing = session.listRelations(loaded.target().database() != null).keySet();
            Workspace.Compiled compiled = workspace.compile(loaded, diagnostics,
                    new Workspace.Request(List.of(), List.of(), true, false, true, existing, false), writer::accept);
            CompiledProject project = compiled.project();
            reporter.info(Summaries.found(project));
            new ManifestWriter().write(project, targetDir, Instant.now());
            // Saved, so that the next docs generate (or compile) renders only what changed.
            compiled.cache().save(targetDir, QuarryVersion.build());
            writer.finish();
            Catalog catalog = new CatalogReader().read(project.nodes().values(), session, existing);
            new CatalogWriter().write(catalog, invocationId, targetDir);
            if (!catalog.errors().isEmpty()) {
                // Not fatal: a site of a project not (fully) built yet is still worth reading.
                reporter.info(catalog.errors().size() + " relations are not built yet; listed as errors in "
                        + "target/catalog.json");
            }
            RunResults results = new RunResultsReader().read(targetDir).orElse(null);
            Path siteDir = targetDir.resolve("site");
            SiteData data = new SiteDataWriter().write(project, catalog, results, siteDir);
            new SiteAssets().copy(siteDir);
            List<SitePages.Outcome> pages = SitePages.onClasspath().write(project.nodes(), sql -> {
                try {
                    return session.query(sql, Integer.MAX_VALUE);
                } catch (EngineException failure) {
                    throw new SitePageException(failure.getMessage(), failure);
                }
            }, siteDir, Instant.now());
            reporter.info(String.format("Wrote the documentation of %d nodes; open %s", data.nodes(),
                    display(siteDir.resolve("index.html"))));
            return reportPages(pages, siteDir);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private int reportPages(List<SitePages.Outcome> pages, Path siteDir) {
        boolean failed = false;
        for (SitePages.Outcome page : pages) {
            if (page.written()) {
                reporter.info(String.format("Wrote the page '%s'; open %s", page.label(),
                        display(siteDir.resolve(page.href()))));
            } else {
                reporter.diagnostic(dev.quarry.error.Diagnostic.error(SourceLocation.parse(page.definedAt()),
                        page.problem()));
                failed = true;
            }
        }
        return failed ? ErrorCode.NODE_FAILURE.exitCode() : 0;
    }

    private String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(workspace.projectDir()) ? workspace.projectDir().relativize(absolute).toString()
                : absolute.toString();
    }
}
