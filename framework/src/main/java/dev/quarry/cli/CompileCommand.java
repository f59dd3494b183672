package dev.quarry.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import dev.quarry.artifacts.SqlFileWriter;
import dev.quarry.artifacts.ManifestWriter;
import dev.quarry.artifacts.QuarryVersion;
import dev.quarry.compile.CompiledProject;
import dev.quarry.error.Diagnostics;
import dev.quarry.project.Project;
import dev.quarry.report.PhaseTimer;
import dev.quarry.report.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code quarry compile}: render the selected nodes, check their SQL, write compiled SQL and the manifest. */
@Command(name = "compile", description = "Render every selected node; write target/compiled/** and "
        + "target/manifest.json; check the SQL.")
final class CompileCommand implements Callable<Integer> {

    @ParentCommand
    QuarryCommand parent;

    @Mixin
    SelectionOptions selection;

    @Option(names = "--strict", description = "Treat warnings (SQL that does not parse, unknown config keys) as "
            + "errors.")
    boolean strict;

    @Option(names = "--no-cache", description = "Render everything again instead of reusing unchanged results.")
    boolean noCache;

    @Option(names = "--dry-run", description = "Also ask the engine what each selected model would process (and "
            + "cost), without running it (BigQuery).")
    boolean dryRun;

    @Override
    public Integer call() {
        Instant started = Instant.now();
        Workspace workspace = new Workspace(parent.global, parent.invocation());
        Reporter reporter = workspace.reporter();
        Diagnostics diagnostics = new Diagnostics();
        Project loaded = workspace.load(diagnostics, !noCache);
        Workspace.Request request = new Workspace.Request(selection.select, selection.exclude, true, strict,
                !noCache);
        PhaseTimer timer = new PhaseTimer();
        try (SqlFileWriter writer = SqlFileWriter.compiled(loaded.targetDir())) {
            Workspace.Compiled compiled = workspace.compile(loaded, diagnostics, request, writer::accept);
            timer.done("compiling");
            CompiledProject project = compiled.project();
            reporter.info(Summaries.found(project));
            Selections.warnUnmatched(project, selection, reporter);
            Path targetDir = loaded.targetDir();
            new ManifestWriter().write(project, targetDir, Instant.now());
            timer.done("writing the manifest");
            compiled.cache().save(targetDir, QuarryVersion.build());
            timer.done("saving the compile cache");
            int written = writer.finish();
            timer.done("finishing the compiled SQL files");
            report(reporter, workspace, project, started, written);
            if (dryRun) {
                try (RunEngines engines = workspace.engines(loaded)) {
                    return new DryRun(reporter).estimate(engines.target(), project);
                }
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return 0;
    }

    private static void report(Reporter reporter, Workspace workspace, CompiledProject project, Instant started,
            int written) {
        Path targetDir = project.project().targetDir();
        CompiledProject.Statistics statistics = project.statistics();
        reporter.info(String.format("Compiled %d nodes (%d rendered, %d unchanged) in %.2fs; wrote %s and %d "
                        + "changed files under %s", statistics.rendered() + statistics.cached(),
                statistics.rendered(), statistics.cached(), Duration.between(started, Instant.now()).toMillis()
                        / 1000.0, display(workspace, targetDir.resolve("manifest.json")), written,
                display(workspace, targetDir.resolve("compiled"))));
    }

    private static String display(Workspace workspace, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(workspace.projectDir()) ? workspace.projectDir().relativize(absolute).toString()
                : absolute.toString();
    }
}
