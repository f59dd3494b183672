package dev.quarry.cli;

import java.util.List;
import java.util.concurrent.Callable;

import dev.quarry.adapter.EngineAdapter;
import dev.quarry.adapter.EngineSession;
import dev.quarry.adapter.Engines;
import dev.quarry.compile.CompiledProject;
import dev.quarry.compile.OperationRenderer;
import dev.quarry.error.Diagnostics;
import dev.quarry.project.CommandLineVars;
import dev.quarry.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code quarry run-operation MACRO --args YAML}: render a project macro and run the SQL it produces. */
@Command(name = "run-operation", description = "Render the project macro <#macro NAME ...> with the given "
        + "arguments and run the statements it produces.")
final class RunOperationCommand implements Callable<Integer> {

    @ParentCommand
    QuarryCommand parent;

    @Parameters(index = "0", paramLabel = "MACRO", description = "The macro's name.")
    String macro;

    @Option(names = "--args", paramLabel = "YAML", description = "The macro's named arguments: '{role: analyst}'.")
    String arguments;

    @Override
    public Integer call() {
        Workspace workspace = new Workspace(parent.global, parent.invocation());
        Diagnostics diagnostics = new Diagnostics();
        Project project = workspace.load(diagnostics, true);
        CompiledProject compiled = workspace.compile(project, diagnostics, new Workspace.Request(List.of(),
                List.of(), false, false, true), node -> { }).project();
        List<String> statements = OperationRenderer.render(compiled, macro, CommandLineVars.parse(arguments, "--args"));
        try (EngineAdapter adapter = Engines.open(project.target(), project.root());
                EngineSession session = adapter.openSession()) {
            for (String statement : statements) {
                session.execute(statement);
            }
        }
        workspace.reporter().info("Ran " + macro + ": " + statements.size() + " statement"
                + (statements.size() == 1 ? "" : "s"));
        return 0;
    }
}
