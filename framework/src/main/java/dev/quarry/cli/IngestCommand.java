package dev.quarry.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.quarry.compile.CompiledProject;
import dev.quarry.compile.ManifestNode;
import dev.quarry.error.DidYouMean;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.ErrorCode;
import dev.quarry.error.SourceLocation;
import dev.quarry.graph.ResourceType;
import dev.quarry.ingest.DeclaredColumn;
import dev.quarry.ingest.IngestException;
import dev.quarry.ingest.IngestPace;
import dev.quarry.ingest.IngestProgress;
import dev.quarry.ingest.IngestRequest;
import dev.quarry.ingest.IngestResult;
import dev.quarry.ingest.SourceLoader;
import dev.quarry.ingest.SourceLoaders;
import dev.quarry.project.Project;
import dev.quarry.report.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code quarry ingest [-s source:x]}: runs the loader each selected source declares ({@code loader: {type: ...}})
 * for each of its tables, one after the other. Loaders are found on the classpath; an unknown type is a project
 * error naming the types there are.
 */
@Command(name = "ingest", description = "Run the loaders the selected sources declare (loader: {type: ...}).")
final class IngestCommand implements Callable<Integer> {

    @ParentCommand
    QuarryCommand parent;

    @Mixin
    SelectionOptions selection;

    @Option(names = "--full-refresh", description = "Load everything again, not only what changed since the last load.")
    boolean fullRefresh;

    @Option(names = "--reconcile", description = "Also find the rows that disappeared at the source.")
    boolean reconcile;

    @Option(names = "--from-file", paramLabel = "FILE", description = "Import this export of the source instead of "
            + "calling its API.")
    Path fromFile;

    @Override
    public Integer call() {
        Workspace workspace = new Workspace(parent.global, parent.invocation());
        Reporter reporter = workspace.reporter();
        Diagnostics diagnostics = new Diagnostics();
        Project project = workspace.load(diagnostics, true);
        CompiledProject compiled = workspace.compile(project, diagnostics, new Workspace.Request(selection.select,
                selection.exclude, false, false, true), node -> { }).project();
        List<ManifestNode> tables = compiled.selected().stream().map(compiled.nodes()::get)
                .filter(node -> node.type() == ResourceType.SOURCE && !loader(node).isEmpty())
                .toList();
        if (tables.isEmpty()) {
            reporter.info("No selected source declares a loader (loader: {type: ...}); nothing to ingest.");
            return 0;
        }
        SourceLoaders loaders = SourceLoaders.onClasspath();
        for (ManifestNode table : tables) {
            String type = String.valueOf(loader(table).get("type"));
            if (loaders.ofType(type).isEmpty()) {
                String hint = DidYouMean.hint(type, loaders.types());
                diagnostics.error(definedAt(table), "source " + table.name() + " declares the loader '"
                        + type + "', which is not on the classpath", hint != null ? hint : loaders.types().isEmpty()
                                ? "no loader is installed" : "installed loaders: " + String.join(", ",
                                        loaders.types()));
            }
        }
        diagnostics.throwIfErrors();
        int failed = 0;
        for (ManifestNode table : tables) {
            failed += ingest(loaders.ofType(String.valueOf(loader(table).get("type"))).orElseThrow(), table,
                    project, workspace, reporter) ? 0 : 1;
        }
        return failed == 0 ? 0 : ErrorCode.NODE_FAILURE.exitCode();
    }

    private boolean ingest(SourceLoader loader, ManifestNode table, Project project, Workspace workspace,
            Reporter reporter) {
        List<String> parts = table.fqn();
        List<DeclaredColumn> columns = table.columns().stream()
                .map(column -> new DeclaredColumn(column.name(), column.dataType())).toList();
        IngestRequest request = new IngestRequest(parts.get(1), parts.get(2), loader(table), external(table),
                columns, project.root(), workspace.environment(), fullRefresh, reconcile,
                Optional.ofNullable(fromFile).map(file -> file.toAbsolutePath()), progress(table, reporter));
        reporter.info("Ingesting " + table.name() + " with the " + loader.type() + " loader");
        try {
            IngestResult result = loader.load(request);
            reporter.info(String.format(java.util.Locale.ROOT, "OK ingested %,d rows into %s: %s", result.rows(),
                    table.name(), result.summary()));
            return true;
        } catch (IngestException failure) {
            reporter.failure("Failure ingesting " + table.name() + " (" + definedAt(table) + ")"
                    + System.lineSeparator()
                    + "  " + failure.getMessage().replace("\n", "\n  "));
            return false;
        }
    }

    /** Progress lines prefixed with the table; each page's pace also as fields of a JSON event. */
    private static IngestProgress progress(ManifestNode table, Reporter reporter) {
        return new IngestProgress() {
            @Override
            public void report(String message) {
                reporter.info(table.name() + ": " + message);
            }

            @Override
            public void advanced(IngestPace pace) {
                Map<String, Object> fields = new java.util.LinkedHashMap<>();
                fields.put("source", table.name());
                fields.put("rows", pace.rows());
                fields.put("pages", pace.pages());
                if (pace.totalRows() >= 0) {
                    fields.put("total_rows", pace.totalRows());
                }
                fields.put("rows_per_second", Math.round(pace.rowsPerSecond()));
                pace.remaining().ifPresent(left -> fields.put("eta_seconds", left.toSeconds()));
                reporter.event(table.name() + ": " + pace.describe(), fields);
            }
        };
    }

    /** Where the table is declared in YAML ({@code file:line:col}), for messages about its load. */
    private static SourceLocation definedAt(ManifestNode table) {
        return table.details().get("defined_at") instanceof String at ? SourceLocation.parse(at)
                : SourceLocation.of(table.path());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> loader(ManifestNode source) {
        return source.details().get("loader") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> external(ManifestNode source) {
        return source.details().get("external") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
