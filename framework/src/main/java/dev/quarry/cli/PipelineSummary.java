package dev.quarry.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.quarry.docs.PublishedSite;
import dev.quarry.execute.NodeResult;
import dev.quarry.execute.NodeStatus;
import dev.quarry.execute.RunResults;
import dev.quarry.report.Reporter;

/**
 * What a {@code pipeline} run did, told at its end as one line and, in JSON logs, as fields of one event for the
 * scheduler's logs: the status, the step that failed, rows ingested, models built, tests passed and failed, bytes
 * billed, the site published.
 */
final class PipelineSummary {

    private String status = "success";
    private String failedStep;
    private long rowsIngested;
    private int tablesIngested;
    private long modelsBuilt;
    private long modelsFailed;
    private long testsPassed;
    private long testsWarned;
    private long testsFailed;
    private long skipped;
    private long bytesBilled;
    private long bytesProcessed;
    private PublishedSite published;

    void ingested(Ingestion.Outcome outcome) {
        tablesIngested = outcome.tables();
        rowsIngested = outcome.rows();
    }

    /** Counts the build's node results; bytes from what the engine reported for each (BigQuery). */
    void built(RunResults results) {
        for (NodeResult result : results.results()) {
            boolean model = result.uniqueId().startsWith("model.");
            boolean test = result.uniqueId().startsWith("test.") || result.uniqueId().startsWith("unit_test.");
            NodeStatus nodeStatus = result.status();
            if (model && nodeStatus == NodeStatus.SUCCESS) {
                modelsBuilt++;
            } else if (model && nodeStatus == NodeStatus.ERROR) {
                modelsFailed++;
            } else if (test && nodeStatus == NodeStatus.PASS) {
                testsPassed++;
            } else if (test && nodeStatus == NodeStatus.WARN) {
                testsWarned++;
            } else if (test && (nodeStatus == NodeStatus.FAIL || nodeStatus == NodeStatus.ERROR)) {
                testsFailed++;
            } else if (nodeStatus == NodeStatus.SKIPPED) {
                skipped++;
            }
            bytesBilled += number(result.response().get("bytes_billed"));
            bytesProcessed += number(result.response().get("bytes_processed"));
        }
    }

    void published(PublishedSite site) {
        published = site;
    }

    void failed(String step) {
        status = "failed";
        failedStep = step;
    }

    void locked() {
        status = "locked";
    }

    /** Prints the summary line, with its fields for JSON logs. */
    void report(Reporter reporter, Instant started) {
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", status);
        if (failedStep != null) {
            fields.put("failed_step", failedStep);
        }
        fields.put("seconds", seconds);
        fields.put("tables_ingested", tablesIngested);
        fields.put("rows_ingested", rowsIngested);
        fields.put("models_built", modelsBuilt);
        fields.put("models_failed", modelsFailed);
        fields.put("tests_passed", testsPassed);
        fields.put("tests_warned", testsWarned);
        fields.put("tests_failed", testsFailed);
        fields.put("nodes_skipped", skipped);
        fields.put("bytes_billed", bytesBilled);
        fields.put("bytes_processed", bytesProcessed);
        if (published != null) {
            fields.put("site", published.destination());
            fields.put("site_files", published.files());
        }
        String outcome = switch (status) {
            case "success" -> "Pipeline succeeded";
            case "locked" -> "Pipeline did not run (locked)";
            default -> "Pipeline failed at " + failedStep;
        };
        reporter.event(String.format(Locale.ROOT, "%s in %.1fs: %,d rows ingested, %,d models built (%,d failed), "
                + "%,d tests passed, %,d warned, %,d failed, %,d skipped, %,d bytes billed%s", outcome, seconds, rowsIngested,
                modelsBuilt, modelsFailed, testsPassed, testsWarned, testsFailed, skipped, bytesBilled,
                published == null ? "" : "; site published to " + published.destination()), fields);
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }
}
