package dev.quarry.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import dev.quarry.artifacts.CompiledSqlWriter;
import dev.quarry.artifacts.ManifestWriter;
import dev.quarry.compile.CompiledProject;
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

    @Override
    public Integer call() {
        Instant started = Instant.now();
        Workspace workspace = new Workspace(parent.global, parent.invocation());
        Reporter reporter = workspace.reporter();
        dev.quarry.report.PhaseTimer timer = new dev.quarry.report.PhaseTimer();
        Workspace.Compiled compiled = workspace.compile(selection.select, selection.exclude, true, strict, !noCache);
        timer.done("load and compile");
        CompiledProject project = compiled.project();
        reporter.info(Summaries.found(project));
        Selections.warnUnmatched(project, selection, reporter);
        Path targetDir = project.project().targetDir();
        int written = new CompiledSqlWriter().write(project, targetDir);
        timer.done("writing compiled SQL");
        try {
            new ManifestWriter().write(project, targetDir, Instant.now());
            timer.done("writing the manifest");
            compiled.cache().save(targetDir);
            timer.done("saving the compile cache");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        CompiledProject.Statistics statistics = project.statistics();
        reporter.info(String.format("Compiled %d nodes (%d rendered, %d unchanged) in %.2fs; wrote %s and %d "
                        + "changed files under %s", statistics.rendered() + statistics.cached(),
                statistics.rendered(), statistics.cached(), Duration.between(started, Instant.now()).toMillis()
                        / 1000.0, display(workspace, targetDir.resolve("manifest.json")), written,
                display(workspace, targetDir.resolve("compiled"))));
        return 0;
    }

    private static String display(Workspace workspace, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(workspace.projectDir()) ? workspace.projectDir().relativize(absolute).toString()
                : absolute.toString();
    }
}
