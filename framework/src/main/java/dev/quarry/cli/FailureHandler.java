package dev.quarry.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import dev.quarry.error.Diagnostic;
import dev.quarry.error.ErrorCode;
import dev.quarry.error.QuarryException;
import dev.quarry.report.Reporter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become what the user sees and the exit code: project errors are listed, all of them,
 * sorted, then counted; usage errors name the option; anything unexpected is reported as a bug. Stack traces only
 * with {@code --debug}.
 */
final class FailureHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private final Invocation invocation;
    private final GlobalOptions global;

    FailureHandler(Invocation invocation, GlobalOptions global) {
        this.invocation = invocation;
        this.global = global;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, ParseResult parseResult) {
        Reporter reporter = invocation.reporterOrConsole();
        if (failure instanceof QuarryException known) {
            known.diagnostics().forEach(reporter::diagnostic);
            reporter.failure(known.code() == ErrorCode.USAGE ? "usage error: " + known.getMessage()
                    : known.getMessage());
            printStackIfDebug(known);
            return known.code().exitCode();
        }
        java.io.IOException io = failure instanceof java.io.UncheckedIOException unchecked ? unchecked.getCause()
                : failure instanceof java.io.IOException checked ? checked : null;
        if (io != null) {
            reporter.failure("cannot write or read a file: " + describe(io) + System.lineSeparator()
                    + "  hint: check that the project's target path is writable and the disk is not full");
            printStackIfDebug(failure);
            return ErrorCode.PROJECT.exitCode();
        }
        reporter.failure("internal error: " + failure + System.lineSeparator()
                + "  this is a bug in Quarry; run again with --debug to see the stack trace, and report it");
        printStackIfDebug(failure);
        return ErrorCode.NODE_FAILURE.exitCode();
    }

    @Override
    public int handleParseException(ParameterException failure, String[] arguments) {
        invocation.err.println("usage error: " + failure.getMessage());
        invocation.err.println("  hint: run 'quarry --help' or 'quarry COMMAND --help' for the options");
        printStackIfDebug(failure);
        return ErrorCode.USAGE.exitCode();
    }

    private static String describe(java.io.IOException failure) {
        if (failure instanceof java.nio.file.FileAlreadyExistsException exists) {
            return exists.getFile() + " exists and is not a folder";
        }
        if (failure instanceof java.nio.file.AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (failure instanceof java.nio.file.FileSystemException system) {
            return system.getFile() + (system.getReason() == null ? "" : ": " + system.getReason());
        }
        return String.valueOf(failure.getMessage());
    }

    private void printStackIfDebug(Throwable failure) {
        if (global.debug) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            invocation.err.print(trace);
        }
    }

}
