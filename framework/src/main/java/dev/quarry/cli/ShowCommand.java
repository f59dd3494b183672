package dev.quarry.cli;

import java.util.List;
import java.util.concurrent.Callable;

import dev.quarry.adapter.EngineAdapter;
import dev.quarry.adapter.EngineSession;
import dev.quarry.adapter.Engines;
import dev.quarry.adapter.QueryResult;
import dev.quarry.adapter.ColumnInfo;
import dev.quarry.compile.CompiledProject;
import dev.quarry.compile.ManifestNode;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.UsageException;
import dev.quarry.graph.ResourceType;
import dev.quarry.project.Project;
import dev.quarry.report.TableFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code quarry show -s model}: runs a model's compiled SELECT and prints its first rows as a table; or
 * {@code quarry show --inline "select ..."}, a query of the command line's with the template API ({@link InlineQuery}).
 */
@Command(name = "show", description = "Print the first rows a model, or a query given with --inline, returns (what "
        + "it reads must be built).")
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    QuarryCommand parent;

    @Option(names = {"-s", "--select"}, paramLabel = "MODEL", description = "The model to show.")
    String model;

    @Option(names = "--inline", paramLabel = "SQL", description = "A query to show instead, written as a model is: "
            + "\"select * from ${ref('orders')}\".")
    String inline;

    @Option(names = "--limit", paramLabel = "N", description = "Rows to print (default 5).")
    int limit = 5;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new UsageException("--limit must be at least 1, not " + limit);
        }
        if ((model == null) == (inline == null)) {
            throw new UsageException("show needs either -s MODEL or --inline SQL");
        }
        Workspace workspace = new Workspace(parent.global, parent.invocation());
        Diagnostics diagnostics = new Diagnostics();
        Project project = workspace.load(diagnostics, true);
        ManifestNode node = inline != null ? InlineQuery.compile(workspace, project, diagnostics, inline)
                : selectedModel(workspace, project, diagnostics);
        try (EngineAdapter adapter = Engines.open(project.target(), project.root());
                EngineSession session = adapter.openSession()) {
            QueryResult result = session.query("select * from (\n" + node.compiledCode() + "\n) as shown", limit);
            List<String> header = result.columns().stream().map(ColumnInfo::name).toList();
            workspace.reporter().info(inline != null ? "Previewing the inline query:"
                    : "Previewing " + node.name() + " (" + node.path() + "):");
            TableFormatter.format(header, result.rows()).forEach(workspace.reporter()::output);
            if (result.truncated()) {
                workspace.reporter().info("(first " + limit + " rows; use --limit N for more)");
            }
        }
        return 0;
    }

    private ManifestNode selectedModel(Workspace workspace, Project project, Diagnostics diagnostics) {
        CompiledProject compiled = workspace.compile(project, diagnostics, new Workspace.Request(List.of(model),
                List.of(), true, false, true), node -> { }).project();
        return compiled.selected().stream().map(compiled.nodes()::get)
                .filter(candidate -> candidate.type() == ResourceType.MODEL && candidate.compiledCode() != null)
                .findFirst()
                .orElseThrow(() -> new UsageException("'" + model + "' selects no model; 'quarry ls' lists them"));
    }
}
