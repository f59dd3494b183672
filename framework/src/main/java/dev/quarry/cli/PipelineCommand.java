package dev.quarry.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import dev.quarry.artifacts.RunResultsReader;
import dev.quarry.docs.SitePublishException;
import dev.quarry.docs.SitePublishers;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.ErrorCode;
import dev.quarry.project.Project;
import dev.quarry.report.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code quarry pipeline}: the scheduled job in one command. Under a {@link PipelineLock}: {@code ingest} (every
 * source with a loader), {@code source stage}, {@code build}, the docs site with its pages, and {@code --publish}.
 * A failed step stops the steps after it, except that a failed build still writes the site (which shows what
 * failed) but does not publish it. Ends with a {@link PipelineSummary}; exits 0 when everything succeeded, 1 when a
 * step failed or another run holds the lock, 130 when interrupted, 3 on a project error.
 */
@Command(name = "pipeline", description = "The scheduled job: ingest, stage the sources, build, write the docs "
        + "site and its pages, and publish it; one run at a time.")
final class PipelineCommand implements Callable<Integer> {

    @ParentCommand
    QuarryCommand parent;

    @Option(names = "--publish", paramLabel = "DEST", description = "Copy the site to DEST after a successful build: "
            + "a folder, or gs://bucket/prefix.")
    String publish;

    @Option(names = "--skip-ingest", description = "Build from what is landed already.")
    boolean skipIngest;

    @Option(names = "--full-refresh", description = "Rebuild incremental models from scratch.")
    boolean fullRefresh;

    @Option(names = "--lock-expires-after", paramLabel = "HOURS", defaultValue = "6", description = "Hours after "
            + "which a lock left by a run that died is replaced (default: ${DEFAULT-VALUE}).")
    int lockHours;

    @Override
    public Integer call() {
        Instant started = Instant.now();
        Workspace workspace = new Workspace(parent.global, parent.invocation());
        Reporter reporter = workspace.reporter();
        Project project = workspace.load(new Diagnostics(), true);
        PipelineSummary summary = new PipelineSummary();
        PipelineLock lock;
        try {
            lock = PipelineLock.acquire(workspace, project, parent.invocation().invocationId, started,
                    Duration.ofHours(lockHours));
        } catch (PipelineLock.HeldElsewhere held) {
            reporter.failure(held.getMessage());
            summary.locked();
            summary.report(reporter, started);
            return ErrorCode.NODE_FAILURE.exitCode();
        }
        try (lock) {
            int exitCode = steps(workspace, project, summary);
            summary.report(reporter, started);
            return exitCode;
        }
    }

    private int steps(Workspace workspace, Project project, PipelineSummary summary) {
        Reporter reporter = workspace.reporter();
        if (!skipIngest) {
            reporter.info("Pipeline step 1 of 5: ingest");
            Ingestion.Outcome ingested = new Ingestion(workspace).run(new Ingestion.Request(List.of(), List.of(),
                    false, false, null));
            summary.ingested(ingested);
            if (ingested.failed() > 0) {
                summary.failed("ingest");
                return ErrorCode.NODE_FAILURE.exitCode();
            }
        }
        reporter.info("Pipeline step 2 of 5: stage the sources");
        if (new SourceStaging(workspace).run(List.of(), List.of()) != 0) {
            summary.failed("stage");
            return ErrorCode.NODE_FAILURE.exitCode();
        }
        reporter.info("Pipeline step 3 of 5: build");
        RunOptions run = new RunOptions();
        run.fullRefresh = fullRefresh;
        int built = new RunPipeline(workspace).run(RunPipeline.Options.of("build", new SelectionOptions(), run));
        readResults(project).ifPresent(summary::built);
        if (built == ErrorCode.INTERRUPTED.exitCode()) {
            summary.failed("build");
            return built;
        }
        reporter.info("Pipeline step 4 of 5: the docs site");
        int documented = new SiteGeneration(workspace, parent.invocation().invocationId).generate();
        if (built != 0 || documented != 0) {
            summary.failed(built != 0 ? "build" : "docs");
            return ErrorCode.NODE_FAILURE.exitCode();
        }
        if (publish != null) {
            reporter.info("Pipeline step 5 of 5: publish the site to " + publish);
            try {
                Path site = project.targetDir().resolve("site");
                summary.published(SitePublishers.onClasspath().forDestination(publish)
                        .publish(site, publish, workspace.environment()));
            } catch (SitePublishException failure) {
                reporter.failure("Failure publishing the site: " + failure.getMessage());
                summary.failed("publish");
                return ErrorCode.NODE_FAILURE.exitCode();
            }
        }
        return 0;
    }

    private static java.util.Optional<dev.quarry.execute.RunResults> readResults(Project project) {
        try {
            return new RunResultsReader().read(project.targetDir());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
