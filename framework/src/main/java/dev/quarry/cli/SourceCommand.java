package dev.quarry.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code quarry source}: commands about the project's sources. */
@Command(name = "source", description = "Commands about sources: freshness, stage.",
        subcommands = {SourceFreshnessCommand.class, SourceStageCommand.class})
final class SourceCommand implements Runnable {

    @ParentCommand
    QuarryCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "name a source command: quarry source freshness");
    }
}
