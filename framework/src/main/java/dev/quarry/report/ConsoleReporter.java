package dev.quarry.report;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import dev.quarry.error.Diagnostic;

/**
 * Output for people: progress lines with a time stamp on standard output, diagnostics on standard error, colors only
 * when writing to a terminal.
 */
public final class ConsoleReporter implements Reporter {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String RED = "\u001B[31m";
    private static final String YELLOW = "\u001B[33m";
    private static final String RESET = "\u001B[0m";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean colors;

    public ConsoleReporter(PrintStream out, PrintStream err, boolean colors) {
        this.out = out;
        this.err = err;
        this.colors = colors;
    }

    @Override
    public synchronized void info(String message) {
        out.println(LocalTime.now().format(CLOCK) + "  " + message);
    }

    @Override
    public synchronized void diagnostic(Diagnostic diagnostic) {
        String text = diagnostic.format();
        if (colors) {
            text = (diagnostic.isError() ? RED : YELLOW) + text + RESET;
        }
        err.println(text);
    }

    @Override
    public synchronized void failure(String message) {
        err.println(colors ? RED + message + RESET : message);
    }

    @Override
    public synchronized void output(String line) {
        out.println(line);
    }
}
