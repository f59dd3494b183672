package dev.quarry.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code quarry}: the top command; its subcommands do the work. */
@Command(name = "quarry", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Compiles and runs a project of templated SQL models.",
        subcommands = {CompileCommand.class, RunCommand.class, SeedCommand.class, BuildCommand.class,
                TestCommand.class, RetryCommand.class, ShowCommand.class, RunOperationCommand.class,
                SourceCommand.class, IngestCommand.class, PipelineCommand.class, DebugCommand.class, DocsCommand.class,
                LsCommand.class, CleanCommand.class})
final class QuarryCommand implements Runnable {

    @Mixin
    GlobalOptions global;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Invocation invocation;

    QuarryCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    Invocation invocation() {
        return invocation;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a command, such as: quarry compile");
    }
}
