package dev.quarry.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code quarry ingest [-s source:x]}: runs the loaders the selected sources declare; see {@link Ingestion}.
 */
@Command(name = "ingest", description = "Run the loaders the selected sources declare (loader: {type: ...}).")
final class IngestCommand implements Callable<Integer> {

    @ParentCommand
    QuarryCommand parent;

    @Mixin
    SelectionOptions selection;

    @Option(names = "--full-refresh", description = "Load everything again, not only what changed since the last load.")
    boolean fullRefresh;

    @Option(names = "--reconcile", description = "Also find the rows that disappeared at the source.")
    boolean reconcile;

    @Option(names = "--from-file", paramLabel = "FILE", description = "Import this export of the source instead of "
            + "calling its API.")
    Path fromFile;

    @Override
    public Integer call() {
        return new Ingestion(new Workspace(parent.global, parent.invocation())).run(new Ingestion.Request(
                selection.select, selection.exclude, fullRefresh, reconcile, fromFile)).exitCode();
    }
}
