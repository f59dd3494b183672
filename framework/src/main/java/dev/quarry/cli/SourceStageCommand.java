package dev.quarry.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code quarry source stage [-s source:x]}: see {@link SourceStaging}. */
@Command(name = "stage", description = "Stage the selected sources' external files as tables (BigQuery).")
final class SourceStageCommand implements Callable<Integer> {

    @ParentCommand
    SourceCommand parent;

    @Mixin
    SelectionOptions selection;

    @Override
    public Integer call() {
        return new SourceStaging(new Workspace(parent.parent.global, parent.parent.invocation()))
                .run(selection.select, selection.exclude);
    }
}
