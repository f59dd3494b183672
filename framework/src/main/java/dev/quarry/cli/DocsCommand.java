package dev.quarry.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code quarry docs}: the project's documentation site. */
@Command(name = "docs", description = "The documentation site: generate, serve.",
        subcommands = {DocsGenerateCommand.class, DocsServeCommand.class})
final class DocsCommand implements Runnable {

    @ParentCommand
    QuarryCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "name a docs command: quarry docs generate");
    }
}
