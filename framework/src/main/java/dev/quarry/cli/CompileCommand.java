package dev.quarry.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.quarry.artifacts.ManifestLayout;
import dev.quarry.artifacts.ManifestWriter;
import dev.quarry.artifacts.QuarryVersion;
import dev.quarry.artifacts.SqlFileWriter;
import dev.quarry.compile.CompileSnapshot;
import dev.quarry.compile.CompiledProject;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.UsageException;
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

    @Option(names = "--inline", paramLabel = "SQL", description = "Compile this query, written as a model is, and "
            + "print it; nothing is written to target/.")
    String inline;

    @Override
    public Integer call() {
        Instant started = Instant.now();
        Workspace workspace = new Workspace(parent.global, parent.invocation());
        Reporter reporter = workspace.reporter();
        Diagnostics diagnostics = new Diagnostics();
        Project loaded = workspace.load(diagnostics, !noCache);
        if (inline != null) {
            if (!selection.select.isEmpty() || !selection.exclude.isEmpty() || dryRun) {
                throw new UsageException("--inline compiles its query alone: leave out -s, --exclude and --dry-run");
            }
            InlineQuery.compile(workspace, loaded, diagnostics, inline).compiledCode().strip().lines()
                    .forEach(reporter::output);
            return 0;
        }
        Workspace.Request request = new Workspace.Request(selection.select, selection.exclude, true, strict,
                !noCache);
        // Only a compile of the whole project with its cache may be quick, or leave what makes the next one quick.
        boolean whole = !noCache && !dryRun && selection.select.isEmpty() && selection.exclude.isEmpty();
        QuickCompile quick = new QuickCompile(loaded.targetDir());
        PhaseTimer timer = new PhaseTimer();
        try (SqlFileWriter writer = SqlFileWriter.compiled(loaded.targetDir())) {
            Optional<QuickCompile.Result> quickly = whole
                    ? quick.attempt(loaded, diagnostics, workspace.compileOptions(request),
                            () -> workspace.peekCompileCache(loaded.targetDir()), writer)
                    : Optional.empty();
            if (quickly.isPresent()) {
                timer.done("compiling the changed models and patching the manifest");
                reporter.info(quickly.get().summary());
                report(reporter, workspace, loaded.targetDir(), quickly.get().rendered(),
                        quickly.get().nodes() - quickly.get().rendered(), started, "patched",
                        quickly.get().written());
                return 0;
            }
            Workspace.Compiled compiled = workspace.compile(loaded, diagnostics, request, writer::accept);
            timer.done("compiling");
            CompiledProject project = compiled.project();
            String summary = Summaries.found(project);
            reporter.info(summary);
            Selections.warnUnmatched(project, selection, reporter);
            Path targetDir = loaded.targetDir();
            ManifestLayout layout = new ManifestWriter().write(project, targetDir, Instant.now());
            timer.done("writing the manifest");
            // The snapshot is made (in memory) while the cache is saved: both only read the compile's results.
            java.util.concurrent.CompletableFuture<Optional<CompileSnapshot>> snapshot =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> quick.snapshot(whole, project,
                            compiled.cache(), workspace.environment(), layout, summary));
            compiled.cache().save(targetDir, QuarryVersion.build());
            timer.done("saving the compile cache and making the compile snapshot");
            int written = writer.finish();
            timer.done("finishing the compiled SQL files");
            quick.keep(snapshot.join());
            timer.done("saving the compile snapshot");
            CompiledProject.Statistics statistics = project.statistics();
            report(reporter, workspace, targetDir, statistics.rendered(), statistics.cached(), started, "wrote",
                    written);
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

    /** @param manifest how the manifest was made: "wrote" (in full) or "patched" (only changed models) */
    private static void report(Reporter reporter, Workspace workspace, Path targetDir, int rendered, int unchanged,
            Instant started, String manifest, int written) {
        reporter.info(String.format("Compiled %d nodes (%d rendered, %d unchanged) in %.2fs; %s %s and %s%d "
                        + "changed files under %s", rendered + unchanged, rendered, unchanged,
                Duration.between(started, Instant.now()).toMillis() / 1000.0, manifest,
                display(workspace, targetDir.resolve("manifest.json")), manifest.equals("wrote") ? "" : "wrote ",
                written,
                display(workspace, targetDir.resolve("compiled"))));
    }

    private static String display(Workspace workspace, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(workspace.projectDir()) ? workspace.projectDir().relativize(absolute).toString()
                : absolute.toString();
    }
}
