package dev.quarry.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import dev.quarry.adapter.Dialects;
import dev.quarry.adapter.Engines;
import dev.quarry.artifacts.QuarryVersion;
import dev.quarry.compile.CompileCache;
import dev.quarry.compile.CompileOptions;
import dev.quarry.compile.CompiledProject;
import dev.quarry.compile.Compiler;
import dev.quarry.compile.ManifestNode;
import dev.quarry.compile.SqlDialect;
import dev.quarry.error.Diagnostic;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.ProjectException;
import dev.quarry.project.CommandLineVars;
import dev.quarry.project.LoadOptions;
import dev.quarry.project.ObservedEnvironment;
import dev.quarry.project.Project;
import dev.quarry.project.ProjectLoader;
import dev.quarry.report.PhaseTimer;
import dev.quarry.report.Reporter;
import dev.quarry.unittest.UnitTestAssembler;

/** Loads and compiles the project the global options point at; shared by the commands. */
final class Workspace {

    private final GlobalOptions options;
    private final Invocation invocation;
    private final ObservedEnvironment environment;
    /** The compile cache that {@link #load} started reading, until a compile takes it. */
    private PendingCache cacheBeingRead;

    Workspace(GlobalOptions options, Invocation invocation) {
        this.options = options;
        this.invocation = invocation;
        this.environment = new ObservedEnvironment(invocation.environment);
    }

    Reporter reporter() {
        return invocation.reporter(options);
    }

    Path projectDir() {
        return options.projectDir.toAbsolutePath().normalize();
    }

    /** {@code --vars} as given, or null. */
    String vars() {
        return options.vars;
    }

    Project load(Diagnostics diagnostics) {
        return load(diagnostics, false);
    }

    /** @param useCache whether to keep parsed properties files between runs */
    Project load(Diagnostics diagnostics, boolean useCache) {
        LoadOptions loadOptions = new LoadOptions(options.profilesDir, invocation.homeDir, options.target,
                CommandLineVars.parse(options.vars), environment);
        PhaseTimer timer = new PhaseTimer();
        Project project = new ProjectLoader(loadOptions, useCache ? QuarryVersion.build() : null)
                .load(projectDir(), diagnostics, useCache ? this::startReadingCompileCache : targetDir -> { });
        timer.done("loading the project");
        return project;
    }

    /**
     * Starts reading the compile cache on a thread of its own (11 MB at 5,000 models), while the rest of the project
     * loads. A read of the same directory's cache that no compile has taken yet is kept (a command that loads the
     * project twice, as {@code pipeline} does, reads it once): only a compile writes the cache, and it takes the read
     * first.
     */
    private void startReadingCompileCache(Path targetDir) {
        if (cacheBeingRead != null && cacheBeingRead.targetDir().equals(targetDir)) {
            return;
        }
        String build = QuarryVersion.build();
        cacheBeingRead = new PendingCache(targetDir, java.util.concurrent.CompletableFuture.supplyAsync(
                () -> CompileCache.load(targetDir, build), runnable -> {
                    Thread thread = new Thread(runnable, "quarry-cache-reader");
                    thread.setDaemon(true);
                    thread.start();
                }));
    }

    /** The compile cache of a target directory: the one being read, if it is that directory's, else read now. */
    private CompileCache compileCache(Path targetDir) {
        PendingCache pending = cacheBeingRead;
        cacheBeingRead = null;
        if (pending != null && pending.targetDir().equals(targetDir)) {
            return pending.cache().join();
        }
        return CompileCache.load(targetDir, QuarryVersion.build());
    }

    /**
     * The compile cache of a target directory, for a look before compiling: the compile that follows takes the same
     * one.
     */
    CompileCache peekCompileCache(Path targetDir) {
        CompileCache cache = compileCache(targetDir);
        cacheBeingRead = new PendingCache(targetDir, java.util.concurrent.CompletableFuture.completedFuture(cache));
        return cache;
    }

    private record PendingCache(Path targetDir, java.util.concurrent.CompletableFuture<CompileCache> cache) {
    }

    /** What one compile asks for. */
    record Request(List<String> select, List<String> exclude, boolean renderSql, boolean strict, boolean useCache,
            Set<String> existingRelations, boolean fullRefresh) {

        Request(List<String> select, List<String> exclude, boolean renderSql, boolean strict, boolean useCache) {
            this(select, exclude, renderSql, strict, useCache, Set.of(), false);
        }
    }

    /** Loads and compiles; see {@link #compile(Project, Diagnostics, Request, Consumer)}. */
    Compiled compile(Request request) {
        Diagnostics diagnostics = new Diagnostics();
        return compile(load(diagnostics, request.useCache()), diagnostics, request, node -> { });
    }

    /**
     * Compiles a loaded project. Warnings are printed; with {@code strict} they fail the command like errors.
     *
     * @param onCompiled gets each node as soon as its SQL is compiled, from several threads
     */
    Compiled compile(Project project, Diagnostics diagnostics, Request request, Consumer<ManifestNode> onCompiled) {
        PhaseTimer timer = new PhaseTimer();
        CompileCache cache = request.useCache() ? compileCache(project.targetDir()) : CompileCache.empty();
        timer.done("loading the compile cache");
        CompileOptions compileOptions = compileOptions(request);
        SqlDialect dialect = Dialects.forType(project.target().type());
        CompiledProject compiled = new Compiler(dialect, cache, unitTests(project))
                .compile(project, compileOptions, diagnostics, onCompiled);
        List<Diagnostic> warnings = compiled.warnings();
        if (request.strict() && !warnings.isEmpty()) {
            throw new ProjectException(warnings.stream().map(Diagnostic::asError).toList());
        }
        warnings.forEach(reporter()::diagnostic);
        return new Compiled(compiled, cache);
    }

    /** What a compile of this invocation is asked for. */
    CompileOptions compileOptions(Request request) {
        return new CompileOptions(request.select(), request.exclude(), environment,
                invocation.runStartedAt(), invocation.invocationId, request.existingRelations(), request.fullRefresh(),
                request.renderSql());
    }

    /** What completes a project's unit tests with their fixtures' rows, for the engine they run on. */
    static UnitTestAssembler unitTests(Project project) {
        return new UnitTestAssembler(Dialects.forType(unitTestEngine(project)), project.root());
    }

    /** The environment variables the command runs with, noting which ones it looks up. */
    ObservedEnvironment environment() {
        return environment;
    }

    /** The engines a command of this invocation may open, each when first needed. */
    RunEngines engines(Project project) {
        return new RunEngines(project, invocation.invocationId);
    }

    /** The engine unit tests run on: the target's when it is embedded, else the project's {@code unit_test_engine}. */
    static String unitTestEngine(Project project) {
        String type = project.target().type();
        return Engines.isEmbedded(type) ? type : project.config().unitTestEngine();
    }

    /** A compiled project and the cache it filled. */
    record Compiled(CompiledProject project, CompileCache cache) {
    }
}
