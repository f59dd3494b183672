package dev.quarry.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.quarry.adapter.EngineAdapter;
import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.EngineSession;
import dev.quarry.compile.CompiledProject;
import dev.quarry.compile.ManifestNode;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.ErrorCode;
import dev.quarry.graph.ResourceType;
import dev.quarry.project.Project;
import dev.quarry.report.Reporter;

/**
 * Makes each selected source table with {@code external} files queryable where the engine does not read files in
 * place (BigQuery: an external table over the {@code gs://} files, replaced each time, so staging twice is harmless);
 * on DuckDB the files are read in place and nothing is staged. What {@code source stage} does, and a step of
 * {@code pipeline}.
 */
final class SourceStaging {

    private final Workspace workspace;

    SourceStaging(Workspace workspace) {
        this.workspace = workspace;
    }

    /** @return the exit code: 0, or {@link ErrorCode#NODE_FAILURE} when a source could not be staged */
    int run(List<String> select, List<String> exclude) {
        Reporter reporter = workspace.reporter();
        Diagnostics diagnostics = new Diagnostics();
        Project project = workspace.load(diagnostics, true);
        CompiledProject compiled = workspace.compile(project, diagnostics, new Workspace.Request(select, exclude, false,
                false, true), node -> { }).project();
        List<ManifestNode> sources = compiled.selected().stream().map(compiled.nodes()::get)
                .filter(node -> node.type() == ResourceType.SOURCE)
                .filter(node -> node.details().get("external") instanceof Map<?, ?> external && !external.isEmpty())
                .toList();
        if (sources.isEmpty()) {
            reporter.info("No selected source table has external files to stage.");
            return 0;
        }
        int failed = 0;
        try (RunEngines engines = workspace.engines(project)) {
            EngineAdapter adapter = engines.target();
            try (EngineSession session = adapter.openSession()) {
                for (ManifestNode source : sources) {
                    failed += stage(adapter, session, source, reporter) ? 0 : 1;
                }
            }
        }
        return failed == 0 ? 0 : ErrorCode.NODE_FAILURE.exitCode();
    }

    @SuppressWarnings("unchecked")
    private static boolean stage(EngineAdapter adapter, EngineSession session, ManifestNode source,
            Reporter reporter) {
        Map<String, Object> external = (Map<String, Object>) source.details().get("external");
        Optional<String> statement = adapter.dialect().createExternalTable(source.relation(), external);
        if (statement.isEmpty()) {
            reporter.info("source " + source.name() + ": " + adapter.dialect().type()
                    + " reads its files in place; nothing to stage");
            return true;
        }
        try {
            session.createSchemaIfMissing(source.relation().database(), source.relation().schema());
            session.execute(statement.get());
            reporter.info("OK staged source " + source.name() + " as " + source.relation().rendered());
            return true;
        } catch (EngineException failure) {
            reporter.failure("Failure staging source " + source.name() + " (" + source.path() + ")"
                    + System.lineSeparator() + "  " + failure.getMessage().replace("\n", "\n  "));
            return false;
        }
    }
}
