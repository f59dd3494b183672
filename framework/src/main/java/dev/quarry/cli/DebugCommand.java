package dev.quarry.cli;

import java.util.concurrent.Callable;

import dev.quarry.adapter.EngineAdapter;
import dev.quarry.adapter.EngineSession;
import dev.quarry.adapter.Engines;
import dev.quarry.artifacts.QuarryVersion;
import dev.quarry.error.Diagnostics;
import dev.quarry.project.Project;
import dev.quarry.report.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code quarry debug}: print the resolved project and target, and check the connection. */
@Command(name = "debug", description = "Print the resolved project and target, and test the connection.")
final class DebugCommand implements Callable<Integer> {

    @ParentCommand
    QuarryCommand parent;

    @Override
    public Integer call() {
        Workspace workspace = new Workspace(parent.global, parent.invocation());
        Reporter reporter = workspace.reporter();
        Project project = workspace.load(new Diagnostics(), false);
        reporter.output("quarry version: " + QuarryVersion.get());
        reporter.output("project: " + project.name() + " " + project.config().version() + " (" + project.root()
                + ")");
        reporter.output("  models: " + project.models().size() + ", seeds: " + project.seeds().size()
                + ", macros files: " + project.macros().size());
        reporter.output("target: " + project.target().name() + " (profile " + project.target().profileName() + ")");
        reporter.output("  type: " + project.target().type() + ", schema: " + project.target().schema()
                + ", threads: " + project.target().threads());
        long started = System.nanoTime();
        try (EngineAdapter adapter = Engines.open(project.target(), project.root());
                EngineSession session = adapter.openSession()) {
            session.query("select 1 as ok", 1);
        }
        reporter.output("connection: OK (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
        return 0;
    }
}
