package dev.quarry.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code quarry run}: build the selected models in dependency order. */
@Command(name = "run", description = "Build the selected models in dependency order.")
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    QuarryCommand parent;

    @Mixin
    SelectionOptions selection;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        return new RunPipeline(new Workspace(parent.global, parent.invocation())).run(RunPipeline.Options.of("run", selection, run));
    }
}
