package dev.quarry.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import dev.quarry.compile.CompiledProject;
import dev.quarry.compile.ManifestNode;
import dev.quarry.execute.NodeResult;
import dev.quarry.execute.NodeStatus;
import dev.quarry.execute.RunResults;
import dev.quarry.report.Reporter;

/**
 * The end of a run's output, as dbt prints it: the time, {@code Completed: PASS=.. WARN=.. ERROR=.. SKIP=..
 * TOTAL=..}, then every failure (to standard error) and warning again, with the node's file and message.
 */
final class RunSummary {

    private final Reporter reporter;
    private final String resultsFile;
    private final boolean statementsWritten;

    /**
     * @param resultsFile       the artifact that lists what finished, named when the run was interrupted
     * @param statementsWritten whether each node's statements are in {@code target/run/} (named with its failure)
     */
    RunSummary(Reporter reporter, String resultsFile, boolean statementsWritten) {
        this.reporter = reporter;
        this.resultsFile = resultsFile;
        this.statementsWritten = statementsWritten;
    }

    void print(CompiledProject compiled, RunResults results, Instant started) {
        long millis = Duration.between(started, Instant.now()).toMillis();
        reporter.info(String.format(Locale.ROOT, "Finished running %d nodes in %.2fs.", results.results().size(),
                millis / 1000.0));
        reporter.info(String.format(Locale.ROOT, "Completed: PASS=%d WARN=%d ERROR=%d SKIP=%d TOTAL=%d",
                results.count(NodeStatus.SUCCESS) + results.count(NodeStatus.PASS), results.count(NodeStatus.WARN),
                results.count(NodeStatus.ERROR) + results.count(NodeStatus.FAIL), results.count(NodeStatus.SKIPPED),
                results.results().size()));
        billed(results).ifPresent(reporter::info);
        for (NodeResult result : results.results()) {
            boolean failed = result.status() == NodeStatus.ERROR || result.status() == NodeStatus.FAIL;
            if (failed || result.status() == NodeStatus.WARN) {
                ManifestNode node = compiled.nodes().get(result.uniqueId());
                String text = (failed ? "Failure in " : "Warning in ") + node.type().selectorName() + " "
                        + node.name() + " (" + definedAt(node) + ")" + System.lineSeparator()
                        + indent(result.message()) + (!statementsWritten || result.statements().isEmpty() ? ""
                                : System.lineSeparator() + "  statements run: target/run/" + node.sqlPath());
                if (failed) {
                    reporter.failure(text);
                } else {
                    reporter.info(text);
                }
            }
        }
        if (results.interrupted()) {
            reporter.failure("Interrupted: the running statements were cancelled; " + resultsFile
                    + " lists what finished.");
        }
    }

    /** {@code Bytes billed: ...} when the engine bills by bytes (BigQuery): the total over the run's nodes. */
    static java.util.Optional<String> billed(RunResults results) {
        long bytes = 0;
        boolean billing = false;
        for (NodeResult result : results.results()) {
            if (result.response().get("bytes_billed") instanceof Number billed) {
                bytes += billed.longValue();
                billing = true;
            }
        }
        return billing ? java.util.Optional.of("Bytes billed: " + Bytes.describe(bytes)) : java.util.Optional.empty();
    }

    /** The node's file; for a generic test, its line in the YAML file. */
    private static String definedAt(ManifestNode node) {
        return node.details().get("defined_at") instanceof String at ? at : node.path();
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }
}
