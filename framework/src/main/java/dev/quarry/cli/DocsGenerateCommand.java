package dev.quarry.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import dev.quarry.adapter.EngineSession;
import dev.quarry.artifacts.CatalogWriter;
import dev.quarry.artifacts.ManifestWriter;
import dev.quarry.artifacts.RunResultsReader;
import dev.quarry.artifacts.SqlFileWriter;
import dev.quarry.catalog.Catalog;
import dev.quarry.catalog.CatalogReader;
import dev.quarry.compile.CompiledProject;
import dev.quarry.docs.SiteAssets;
import dev.quarry.docs.SiteData;
import dev.quarry.docs.SiteDataWriter;
import dev.quarry.error.Diagnostics;
import dev.quarry.execute.RunResults;
import dev.quarry.project.Project;
import dev.quarry.report.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code quarry docs generate}: compile every node, read the catalog from the warehouse, and write
 * {@code target/catalog.json} and the static site under {@code target/site/} (with the last run's statuses when
 * {@code target/run_results.json} exists).
 */
@Command(name = "generate", description = "Compile the project, read the catalog from the target, and write "
        + "target/catalog.json and the documentation site under target/site/.")
final class DocsGenerateCommand implements Callable<Integer> {

    @ParentCommand
    DocsCommand docs;

    @Override
    public Integer call() {
        Workspace workspace = new Workspace(docs.parent.global, docs.parent.invocation());
        Reporter reporter = workspace.reporter();
        Diagnostics diagnostics = new Diagnostics();
        Project loaded = workspace.load(diagnostics, true);
        Path targetDir = loaded.targetDir();
        try (SqlFileWriter writer = SqlFileWriter.compiled(targetDir)) {
            CompiledProject project = workspace.compile(loaded, diagnostics,
                    new Workspace.Request(List.of(), List.of(), true, false, true), writer::accept).project();
            reporter.info(Summaries.found(project));
            new ManifestWriter().write(project, targetDir, Instant.now());
            writer.finish();
            Catalog catalog = readCatalog(workspace, loaded, project);
            new CatalogWriter().write(catalog, docs.parent.invocation().invocationId, targetDir);
            if (!catalog.errors().isEmpty()) {
                // Not fatal: a site of a project not (fully) built yet is still worth reading.
                reporter.info(catalog.errors().size() + " relations are not built yet; listed as errors in "
                        + "target/catalog.json");
            }
            RunResults results = new RunResultsReader().read(targetDir).orElse(null);
            Path siteDir = targetDir.resolve("site");
            SiteData data = new SiteDataWriter().write(project, catalog, results, siteDir);
            new SiteAssets().copy(siteDir);
            reporter.info(String.format("Wrote the documentation of %d nodes; open %s", data.nodes(),
                    display(workspace, siteDir.resolve("index.html"))));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return 0;
    }

    private static Catalog readCatalog(Workspace workspace, Project loaded, CompiledProject project) {
        try (RunEngines engines = workspace.engines(loaded);
                EngineSession session = engines.target().openSession()) {
            // Keys as relations render: with the database part where the target names one (as in RunPipeline).
            java.util.Set<String> existing = session.listRelations(loaded.target().database() != null).keySet();
            return new CatalogReader().read(project.nodes().values(), session, existing);
        }
    }

    private static String display(Workspace workspace, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(workspace.projectDir()) ? workspace.projectDir().relativize(absolute).toString()
                : absolute.toString();
    }
}
