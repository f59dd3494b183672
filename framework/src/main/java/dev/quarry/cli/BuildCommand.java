package dev.quarry.cli;

import java.util.Set;
import java.util.concurrent.Callable;

import dev.quarry.graph.ResourceType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code quarry build}: seeds, models and tests together, in dependency order; a model's unit tests run before it and
 * its data tests right after it, and a failing test skips what depends on the model.
 */
@Command(name = "build", description = "Load seeds, build models and run tests, in dependency order.")
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
                "build", Set.of(ResourceType.SEED, ResourceType.MODEL, ResourceType.DATA_TEST,
                        ResourceType.UNIT_TEST), selection, run));
    }
}
