package dev.quarry.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import dev.quarry.artifacts.SourcesJsonWriter;
import dev.quarry.compile.CompiledProject;
import dev.quarry.compile.ManifestNode;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.ErrorCode;
import dev.quarry.execute.FreshnessRunner;
import dev.quarry.execute.RunResults;
import dev.quarry.execute.Scheduler;
import dev.quarry.graph.ResourceType;
import dev.quarry.project.Project;
import dev.quarry.report.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code quarry source freshness [-s source:x]}: for each selected source table with a {@code loaded_at_field} and a
 * {@code warn_after}/{@code error_after}, how old its newest row is, on the target's engine. Writes
 * {@code target/sources.json}; exits 1 when a table is older than its {@code error_after} or cannot be checked.
 */
@Command(name = "freshness", description = "Check how recently each selected source table was loaded.")
final class SourceFreshnessCommand implements Callable<Integer> {

    @ParentCommand
    SourceCommand parent;

    @Mixin
    SelectionOptions selection;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the target's threads).")
    Integer threads;

    @Override
    public Integer call() {
        Instant started = Instant.now();
        Workspace workspace = new Workspace(parent.parent.global, parent.parent.invocation());
        Reporter reporter = workspace.reporter();
        Diagnostics diagnostics = new Diagnostics();
        Project project = workspace.load(diagnostics, true);
        CompiledProject compiled = workspace.compile(project, diagnostics, new Workspace.Request(selection.select,
                selection.exclude, false, false, true), node -> { }).project();
        List<ManifestNode> sources = compiled.selected().stream().map(compiled.nodes()::get)
                .filter(node -> node.type() == ResourceType.SOURCE && FreshnessRunner.checks(node))
                .toList();
        if (sources.isEmpty()) {
            reporter.info("No selected source table has a freshness check: give it a loaded_at_field and a "
                    + "freshness warn_after or error_after.");
            return 0;
        }
        int workers = threads != null ? threads : project.target().threads();
        reporter.info("Checking the freshness of " + sources.size() + " source table" + (sources.size() == 1 ? ""
                : "s") + " on " + project.target().type() + " (target " + project.target().name() + ")");
        try (InterruptGuard interrupts = new InterruptGuard(); RunEngines engines = workspace.engines(project)) {
            Scheduler scheduler = new Scheduler(engines.target(), workers, false, new ProgressPrinter(reporter));
            interrupts.cancels(scheduler);
            RunResults results = scheduler.run(compiled.graph(), compiled.nodes(), sources, false,
                    new FreshnessRunner(Clock.systemUTC()));
            new SourcesJsonWriter().write(compiled, results, project.targetDir());
            new RunSummary(reporter, "target/sources.json", false).print(compiled, results, started);
            if (results.interrupted()) {
                return ErrorCode.INTERRUPTED.exitCode();
            }
            return results.hasFailures() ? ErrorCode.NODE_FAILURE.exitCode() : 0;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
