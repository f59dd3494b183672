package dev.quarry.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code quarry docs generate}: see {@link SiteGeneration}. */
@Command(name = "generate", description = "Compile the project, read the catalog from the target, and write "
        + "target/catalog.json, the documentation site under target/site/ and the pages its exposures ask for.")
final class DocsGenerateCommand implements Callable<Integer> {

    @ParentCommand
    DocsCommand docs;

    @Override
    public Integer call() {
        return new SiteGeneration(new Workspace(docs.parent.global, docs.parent.invocation()),
                docs.parent.invocation().invocationId).generate();
    }
}
