package dev.quarry.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code quarry seed}: load the selected seeds' CSV files into tables. */
@Command(name = "seed", description = "Load the selected seeds (CSV files) into tables.")
final class SeedCommand implements Callable<Integer> {

    @ParentCommand
    QuarryCommand parent;

    @Mixin
    SelectionOptions selection;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        return new RunPipeline(new Workspace(parent.global, parent.invocation())).run(RunPipeline.Options.of("seed", selection, run));
    }
}
