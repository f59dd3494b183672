package dev.quarry.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import dev.quarry.report.ConsoleReporter;
import dev.quarry.report.JsonLinesReporter;
import dev.quarry.report.Reporter;

/**
 * What one run of the command line has: its streams and environment, the reporter chosen by the global options, and
 * the per-invocation values ({@code invocation_id}, {@code run_started_at}).
 */
final class Invocation {

    private static final DateTimeFormatter RUN_STARTED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    final PrintStream out;
    final PrintStream err;
    final Map<String, String> environment;
    final Path homeDir;
    final boolean terminal;
    final Instant startedAt = Instant.now();
    final String invocationId = UUID.randomUUID().toString();
    private Reporter reporter;

    Invocation(PrintStream out, PrintStream err, Map<String, String> environment, Path homeDir, boolean terminal) {
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
        this.homeDir = homeDir;
        this.terminal = terminal;
    }

    String runStartedAt() {
        return RUN_STARTED_AT.format(startedAt);
    }

    Reporter reporter(GlobalOptions options) {
        if (reporter == null) {
            reporter = options.logFormat == GlobalOptions.LogFormat.json ? new JsonLinesReporter(out)
                    : new ConsoleReporter(out, err, terminal && !environment.containsKey("NO_COLOR"));
        }
        return reporter;
    }

    /** The reporter once a command chose one; a plain console one before that (usage errors). */
    Reporter reporterOrConsole() {
        return reporter != null ? reporter : new ConsoleReporter(out, err, false);
    }
}
