package dev.quarry.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

/**
 * Runs the loader each selected source declares ({@code loader: {type: ...}}) for each of its tables, one after the
 * other: what {@code ingest} does, and the first step of {@code pipeline}. Loaders are found on the classpath; an
 * unknown type is a project error naming the types there are.
 */
final class Ingestion {

    /** What to load and how. */
    record Request(List<String> select, List<String> exclude, boolean fullRefresh, boolean reconcile,
            Path fromFile) {
    }

    /**
     * @param tables tables whose loader ran
     * @param rows   rows they loaded
     * @param failed tables whose load failed
     */
    record Outcome(int tables, long rows, int failed) {

        int exitCode() {
            return failed == 0 ? 0 : ErrorCode.NODE_FAILURE.exitCode();
        }
    }

    private final Workspace workspace;
    private final Reporter reporter;

    Ingestion(Workspace workspace) {
        this.workspace = workspace;
        this.reporter = workspace.reporter();
    }

    Outcome run(Request request) {
        Diagnostics diagnostics = new Diagnostics();
        Project project = workspace.load(diagnostics, true);
        CompiledProject compiled = workspace.compile(project, diagnostics, new Workspace.Request(request.select(),
                request.exclude(), false, false, true), node -> { }).project();
        List<ManifestNode> tables = compiled.selected().stream().map(compiled.nodes()::get)
                .filter(node -> node.type() == ResourceType.SOURCE && !loader(node).isEmpty())
                .toList();
        if (tables.isEmpty()) {
            reporter.info("No selected source declares a loader (loader: {type: ...}); nothing to ingest.");
            return new Outcome(0, 0, 0);
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
        long rows = 0;
        for (ManifestNode table : tables) {
            long loaded = ingest(loaders.ofType(String.valueOf(loader(table).get("type"))).orElseThrow(), table,
                    project, request);
            if (loaded < 0) {
                failed++;
            } else {
                rows += loaded;
            }
        }
        return new Outcome(tables.size(), rows, failed);
    }

    /** @return the rows loaded, or -1 when the load failed (reported) */
    private long ingest(SourceLoader loader, ManifestNode table, Project project, Request ingest) {
        List<String> parts = table.fqn();
        List<DeclaredColumn> columns = table.columns().stream()
                .map(column -> new DeclaredColumn(column.name(), column.dataType())).toList();
        IngestRequest request = new IngestRequest(parts.get(1), parts.get(2), loader(table), external(table),
                columns, project.root(), workspace.environment(), ingest.fullRefresh(), ingest.reconcile(),
                Optional.ofNullable(ingest.fromFile()).map(file -> file.toAbsolutePath()), progress(table, reporter));
        reporter.info("Ingesting " + table.name() + " with the " + loader.type() + " loader");
        try {
            IngestResult result = loader.load(request);
            reporter.info(String.format(java.util.Locale.ROOT, "OK ingested %,d rows into %s: %s", result.rows(),
                    table.name(), result.summary()));
            return result.rows();
        } catch (IngestException failure) {
            reporter.failure("Failure ingesting " + table.name() + " (" + definedAt(table) + ")"
                    + System.lineSeparator()
                    + "  " + failure.getMessage().replace("\n", "\n  "));
            return -1;
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
