package dev.quarry.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

import picocli.CommandLine;

/** Runs the command line in-process: the real entry point and end-to-end tests both go through here. */
public final class QuarryCli {

    private QuarryCli() {
    }

    /**
     * @param environment the environment variables {@code env_var()} reads
     * @param homeDir     where {@code ~/.quarry/profiles.yml} is looked for; null to skip it
     * @return the exit code
     */
    public static int run(String[] arguments, PrintStream out, PrintStream err, Map<String, String> environment,
            Path homeDir, boolean terminal) {
        Invocation invocation = new Invocation(out, err, environment, homeDir, terminal);
        QuarryCommand command = new QuarryCommand(invocation);
        CommandLine commandLine = new CommandLine(command);
        FailureHandler failures = new FailureHandler(invocation, command.global);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(failures);
        commandLine.setParameterExceptionHandler(failures);
        try {
            return commandLine.execute(arguments);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
