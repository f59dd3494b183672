package dev.quarry.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import dev.quarry.error.ErrorCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code quarry build}: seeds, models and tests together, in dependency order; a model's unit tests run before it and
 * its data tests right after it, and a failing test skips what depends on the model. Then it writes the
 * documentation site, as {@code docs generate} does, unless told not to.
 */
@Command(name = "build", description = "Load seeds, build models and run tests, in dependency order.")
final class BuildCommand implements Callable<Integer> {

    @ParentCommand
    QuarryCommand parent;

    @Mixin
    SelectionOptions selection;

    @Mixin
    RunOptions run;

    @Option(names = "--no-docs", description = "Do not write the documentation site (and its pages, such as a "
            + "dashboard) after the build.")
    boolean noDocs;

    @Override
    public Integer call() {
        return build(new Workspace(parent.global, parent.invocation()), parent.invocation(),
                RunPipeline.Options.of("build", selection, run), noDocs);
    }

    /** Runs a build, then (unless told not to, or it did not finish) writes the documentation site. */
    static int build(Workspace workspace, Invocation invocation, RunPipeline.Options options, boolean noDocs) {
        int built = new RunPipeline(workspace).run(options);
        boolean finished = built == 0 || built == ErrorCode.NODE_FAILURE.exitCode();
        if (noDocs || options.run().dryRun || !finished) {
            return built;
        }
        // The site shows what was built, failures included; the build's own failure decides the exit code first.
        int documented = new SiteGeneration(workspace, invocation.invocationId).generate();
        return built != 0 ? built : documented;
    }
}
