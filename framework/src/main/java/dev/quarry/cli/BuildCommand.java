package dev.quarry.cli;

import java.util.Set;
import java.util.concurrent.Callable;

import dev.quarry.graph.ResourceType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code quarry build}: seeds and models together, in dependency order (tests join with the testing work). */
@Command(name = "build", description = "Load seeds and build models, in dependency order.")
final class BuildCommand implements Callable<Integer> {

    @ParentCommand
    QuarryCommand parent;

    @Mixin
    SelectionOptions selection;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        return new RunPipeline(new Workspace(parent.global, parent.invocation())).run(new RunPipeline.Options(
                "build", Set.of(ResourceType.SEED, ResourceType.MODEL), selection, run.fullRefresh, run.threads,
                run.failFast));
    }
}
