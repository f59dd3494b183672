package dev.quarry.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code quarry test}: the selected data tests (on the built relations) and unit tests (on literal rows). */
@Command(name = "test", description = "Run the selected data tests and unit tests.")
final class TestCommand implements Callable<Integer> {

    @ParentCommand
    QuarryCommand parent;

    @Mixin
    SelectionOptions selection;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        return new RunPipeline(new Workspace(parent.global, parent.invocation())).run(RunPipeline.Options.of("test", selection, run));
    }
}
