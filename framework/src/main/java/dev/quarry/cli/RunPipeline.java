package dev.quarry.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.quarry.adapter.EngineAdapter;
import dev.quarry.adapter.EngineSession;
import dev.quarry.artifacts.SqlFileWriter;
import dev.quarry.artifacts.ManifestWriter;
import dev.quarry.artifacts.QuarryVersion;
import dev.quarry.artifacts.RunResultsWriter;
import dev.quarry.compile.CompiledProject;
import dev.quarry.compile.ManifestNode;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.ErrorCode;
import dev.quarry.execute.DataTestRunner;
import dev.quarry.execute.ModelBuilder;
import dev.quarry.execute.NodeRunner;
import dev.quarry.execute.ProgressListener;
import dev.quarry.execute.RunResults;
import dev.quarry.execute.Scheduler;
import dev.quarry.execute.SeedRunner;
import dev.quarry.execute.UnitTestRunner;
import dev.quarry.graph.ResourceType;
import dev.quarry.project.Project;
import dev.quarry.report.Reporter;

/**
 * What {@code run}, {@code seed} and {@code build} share: load, open the engine, compile against what exists there,
 * run the selected nodes of the asked types in dependency order, write the artifacts, print the summary and the
 * failures again. Ctrl-C cancels the running statements and still writes {@code run_results.json} ({@link
 * InterruptGuard}).
 */
final class RunPipeline {

    /** The commands that run nodes, with the kinds of node each runs. */
    static final java.util.Map<String, Set<ResourceType>> COMMANDS = java.util.Map.of(
            "run", Set.of(ResourceType.MODEL),
            "seed", Set.of(ResourceType.SEED),
            "test", Set.of(ResourceType.DATA_TEST, ResourceType.UNIT_TEST),
            "build", Set.of(ResourceType.SEED, ResourceType.MODEL, ResourceType.DATA_TEST, ResourceType.UNIT_TEST));

    /** What a run command asks for. */
    record Options(String command, Set<ResourceType> types, SelectionOptions selection, RunOptions run) {

        /** A command of {@link #COMMANDS}, with the kinds of node it runs. */
        static Options of(String command, SelectionOptions selection, RunOptions run) {
            return new Options(command, COMMANDS.get(command), selection, run);
        }

        boolean fullRefresh() {
            return run.fullRefresh;
        }

        Integer threads() {
            return run.threads;
        }

        boolean failFast() {
            return run.failFast;
        }

        /** The arguments run_results.json records, for {@code quarry retry}: the target and vars besides these. */
        java.util.Map<String, Object> args(String target, String vars) {
            java.util.Map<String, Object> args = new java.util.LinkedHashMap<>();
            args.put("select", selection.select);
            args.put("exclude", selection.exclude);
            args.put("full_refresh", run.fullRefresh);
            args.put("threads", run.threads);
            args.put("fail_fast", run.failFast);
            args.put("target", target);
            args.put("vars", vars);
            return args;
        }
    }

    private final Workspace workspace;
    private final Reporter reporter;

    RunPipeline(Workspace workspace) {
        this.workspace = workspace;
        this.reporter = workspace.reporter();
    }

    int run(Options options) {
        Instant started = Instant.now();
        Diagnostics diagnostics = new Diagnostics();
        Project project = workspace.load(diagnostics, true);
        try (InterruptGuard interrupts = new InterruptGuard();
                RunEngines engines = workspace.engines(project);
                SqlFileWriter sqlWriter = SqlFileWriter.compiled(project.targetDir());
                SqlFileWriter runWriter = SqlFileWriter.run(project.targetDir())) {
            // What exists decides is_incremental() and what a model replaces: only a run that builds models asks.
            java.util.Map<String, dev.quarry.adapter.RelationType> existing = java.util.Map.of();
            if (options.types().contains(ResourceType.MODEL)) {
                try (EngineSession session = engines.target().openSession()) {
                    // Keys as relations render: with the database part where the target names one (BigQuery's
                    // project), so that they match what is_incremental() and the materializations look up.
                    existing = session.listRelations(project.target().database() != null);
                }
            }
            Workspace.Compiled compiled = workspace.compile(project, diagnostics, new Workspace.Request(
                    options.selection().select, options.selection().exclude, true, false, true, existing.keySet(),
                    options.fullRefresh()), sqlWriter::accept);
            CompiledProject compiledProject = compiled.project();
            Path targetDir = project.targetDir();
            new ManifestWriter().write(compiledProject, targetDir, Instant.now());
            compiled.cache().save(targetDir, QuarryVersion.build());
            sqlWriter.finish();
            if (options.run().dryRun) {
                reporter.info(Summaries.found(compiledProject));
                return new DryRun(reporter).estimate(engines.target(), compiledProject);
            }
            List<ManifestNode> nodes = runnable(compiledProject, options.types());
            boolean onlyUnitTests = nodes.stream().allMatch(node -> node.type() == ResourceType.UNIT_TEST);
            EngineAdapter adapter = onlyUnitTests ? engines.forUnitTests() : engines.target();
            boolean onTheTarget = !onlyUnitTests || engines.unitTestsRunOnTheTarget();
            String engineName = onTheTarget ? project.target().type() + " (target " + project.target().name() + ")"
                    : Workspace.unitTestEngine(project) + " in memory (unit tests of target "
                            + project.target().name() + ")";
            reporter.info(Summaries.found(compiledProject));
            reporter.info("Running " + nodes.size() + " node" + (nodes.size() == 1 ? "" : "s") + " with "
                    + threads(options, project) + " thread" + (threads(options, project) == 1 ? "" : "s")
                    + " on " + engineName);
            if (onTheTarget) {
                runHooks(adapter, compiledProject.onRunStart(), "on-run-start");
            }
            Scheduler scheduler = new Scheduler(adapter, threads(options, project), options.failFast(),
                    new ProgressPrinter(reporter).and(ProgressListener.whenFinished(
                            (node, result) -> runWriter.acceptStatements(node, result.statements()))));
            boolean gateOnTests = options.types().contains(ResourceType.MODEL)
                    && options.types().contains(ResourceType.DATA_TEST);
            interrupts.cancels(scheduler);
            // Unit tests run on the scheduler's sessions, unless those are the (remote) target's.
            try (UnitTestRunner unitTests = new UnitTestRunner(onlyUnitTests || engines.unitTestsRunOnTheTarget()
                    ? null : engines::forUnitTests)) {
                RunResults results = scheduler.run(compiledProject.graph(), compiledProject.nodes(), nodes,
                        gateOnTests, runner(adapter, project, compiledProject, options, existing, unitTests));
                boolean endHooksFailed = onTheTarget && !results.interrupted()
                        && !tryHooks(adapter, compiledProject.onRunEnd());
                runWriter.finish();
                new RunResultsWriter().write(compiledProject, results, options.command(),
                        options.args(project.target().name(), workspace.vars()), targetDir);
                new RunSummary(reporter, "target/run_results.json", true).print(compiledProject, results, started);
                if (results.interrupted()) {
                    return ErrorCode.INTERRUPTED.exitCode();
                }
                return results.hasFailures() || endHooksFailed ? ErrorCode.NODE_FAILURE.exitCode() : 0;
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Runs project hooks in order; a failure stops the command (nothing has been built yet). */
    private void runHooks(EngineAdapter adapter, List<String> hooks, String kind) {
        if (hooks.isEmpty()) {
            return;
        }
        try (EngineSession session = adapter.openSession()) {
            for (String hook : hooks) {
                try {
                    session.execute(hook);
                } catch (dev.quarry.adapter.EngineException failure) {
                    throw new dev.quarry.adapter.EngineException(kind + " hook failed: " + failure.getMessage()
                            + System.lineSeparator() + "  hook: " + hook, failure);
                }
            }
        }
        reporter.info("Ran " + hooks.size() + " " + kind + " hook" + (hooks.size() == 1 ? "" : "s"));
    }

    /** Runs the on-run-end hooks, which run even after failures; a failure is reported, not thrown. */
    private boolean tryHooks(EngineAdapter adapter, List<String> hooks) {
        try {
            runHooks(adapter, hooks, "on-run-end");
            return true;
        } catch (dev.quarry.adapter.EngineException failure) {
            reporter.failure(failure.getMessage());
            return false;
        }
    }

    private static int threads(Options options, Project project) {
        return options.threads() != null ? options.threads() : project.target().threads();
    }

    private static List<ManifestNode> runnable(CompiledProject compiled, Set<ResourceType> types) {
        return compiled.graph().topologicalOrder().stream()
                .filter(compiled.selected()::contains)
                .map(compiled.nodes()::get)
                .filter(node -> types.contains(node.type()))
                .filter(node -> !"ephemeral".equals(node.materialized()))
                .toList();
    }

    private static NodeRunner runner(EngineAdapter adapter, Project project, CompiledProject compiled,
            Options options, java.util.Map<String, dev.quarry.adapter.RelationType> existing,
            UnitTestRunner unitTests) {
        ModelBuilder models = new ModelBuilder(adapter.dialect(), options.fullRefresh(), existing);
        SeedRunner seeds = new SeedRunner(adapter.dialect(), project.root(), options.fullRefresh());
        DataTestRunner dataTests = new DataTestRunner(adapter.dialect(), project.target().database(),
                project.target().schema(), compiled.nodes());
        return (node, session) -> switch (node.type()) {
            case SEED -> seeds.run(node, session);
            case DATA_TEST -> dataTests.run(node, session);
            case UNIT_TEST -> unitTests.run(node, session);
            default -> models.run(node, session);
        };
    }
}
