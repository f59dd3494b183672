package dev.quarry.cli;

import picocli.CommandLine.Option;

/** Options of the commands that run nodes on the engine. */
final class RunOptions {

    @Option(names = "--full-refresh", description = "Rebuild incremental models and reload seeds from scratch.")
    boolean fullRefresh;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the target's threads).")
    Integer threads;

    @Option(names = {"-x", "--fail-fast"}, description = "Start nothing new after the first failure.")
    boolean failFast;

    @Option(names = "--dry-run", description = "Run nothing: ask the engine what each selected model would process "
            + "(and cost) instead (BigQuery).")
    boolean dryRun;
}
