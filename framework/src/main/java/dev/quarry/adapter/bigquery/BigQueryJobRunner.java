package dev.quarry.adapter.bigquery;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQuery.QueryResultsOption;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatistics;
import com.google.cloud.bigquery.JobStatus;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.Table;

import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.bigquery.BigQueryRetrier.JobFailedException;

/**
 * Runs a session's jobs one at a time: creates each with its own id, the profile's labels and the run's, waits for it
 * (polling, within the job timeout), runs it again while it fails transiently, cancels it on request, and keeps what
 * it did ({@link CompletedJob}, {@link JobTotals}).
 */
final class BigQueryJobRunner {

    private final BigQueryAdapter adapter;
    private final BigQuery client;
    private final BigQuerySettings settings;
    private final BigQueryFailures failures;
    private final BigQueryRetrier retrier;
    private final BigQueryAdapter.Tuning tuning;
    private volatile JobId running;
    private volatile boolean cancelled;
    private volatile String node;
    private CompletedJob lastJob;
    private JobTotals totals = JobTotals.NONE;

    BigQueryJobRunner(BigQueryAdapter adapter, BigQuery client, BigQueryFailures failures, BigQueryRetrier retrier,
            BigQueryAdapter.Tuning tuning) {
        this.adapter = adapter;
        this.client = client;
        this.settings = adapter.settings();
        this.failures = failures;
        this.retrier = retrier;
        this.tuning = tuning;
    }

    void node(String uniqueId) {
        this.node = uniqueId;
    }

    Optional<CompletedJob> lastJob() {
        return Optional.ofNullable(lastJob);
    }

    JobTotals totals() {
        return totals;
    }

    boolean cancelled() {
        return cancelled;
    }

    /** Cancels the running job, and every later one before it starts. */
    void cancel() {
        cancelled = true;
        JobId job = running;
        if (job != null) {
            cancelQuietly(job);
        }
    }

    /** Runs one statement as a query job with the profile's job settings, and waits for it. */
    Job query(String sql) {
        QueryJobConfiguration.Builder config = QueryJobConfiguration.newBuilder(sql)
                .setUseLegacySql(false)
                .setPriority(settings.priority() == BigQuerySettings.Priority.BATCH
                        ? QueryJobConfiguration.Priority.BATCH : QueryJobConfiguration.Priority.INTERACTIVE)
                .setLabels(labels());
        settings.maximumBytesBilled().ifPresent(config::setMaximumBytesBilled);
        settings.jobTimeout().ifPresent(timeout -> config.setJobTimeoutMs(timeout.toMillis()));
        QueryJobConfiguration configuration = config.build();
        return run("running a query", id -> client.create(JobInfo.of(id, configuration)));
    }

    /**
     * The bytes a query would process, from a dry-run job: BigQuery checks the query (names, types, permissions) and
     * estimates it without running or billing anything.
     */
    long estimate(String sql) {
        QueryJobConfiguration configuration = QueryJobConfiguration.newBuilder(sql)
                .setUseLegacySql(false)
                .setDryRun(true)
                .setLabels(labels())
                .build();
        try {
            Job job = retrier.call(true, () -> cancelled, () -> client.create(JobInfo.of(newJobId(), configuration)));
            JobStatistics.QueryStatistics statistics = job.getStatistics();
            Long bytes = statistics == null ? null : statistics.getTotalBytesProcessed();
            return bytes == null ? 0 : bytes;
        } catch (BigQueryException failure) {
            throw failures.callFailed("estimating a query (dry run) in " + failures.location(), failure);
        }
    }

    /**
     * Creates a job and waits for it; runs it again as a new job while it fails transiently. A failed creation is
     * retried with the same job id: if the first attempt did create the job, BigQuery answers that it exists and the
     * client fetches it, so a statement never runs twice.
     *
     * @param action what the job does, for messages when it cannot even be created
     * @param create creates the job with the given id
     */
    Job run(String action, Function<JobId, Job> create) {
        try {
            return retrier.rerun(() -> cancelled, () -> {
                failIfCancelled();
                JobId id = newJobId();
                return await(retrier.call(true, () -> cancelled, () -> create.apply(id)));
            });
        } catch (JobFailedException failed) {
            throw failures.jobFailed(failed.job);
        } catch (BigQueryException failure) {
            throw failures.callFailed(action + " in " + failures.location(), failure);
        }
    }

    /**
     * Waits until the job is done, for at most the job timeout (plus a grace period: BigQuery stops the job itself at
     * the timeout; without a timeout, seven hours, past BigQuery's own six-hour limit). A query job is long-polled with jobs.getQueryResults, which answers as soon as it is done; a load
     * job is polled with jobs.get. Leaving early (timeout, interruption, a failed poll) cancels the job.
     */
    private Job await(Job job) {
        JobId id = job.getJobId();
        running = id;
        boolean done = false;
        try {
            if (cancelled) {
                cancelQuietly(id);
            }
            Duration limit = settings.jobTimeout().map(timeout -> timeout.plus(tuning.timeoutGrace()))
                    .orElse(Duration.ofHours(7));
            long deadline = System.nanoTime() + limit.toNanos();
            boolean query = job.getConfiguration() instanceof QueryJobConfiguration;
            Duration delay = tuning.pollDelay();
            Job current = job;
            while (!JobStatus.State.DONE.equals(current.getStatus().getState())) {
                Duration remaining = Duration.ofNanos(deadline - System.nanoTime());
                if (remaining.isNegative()) {
                    throw new EngineException(describe(id) + " did not finish within job_timeout_seconds ("
                            + settings.jobTimeout().map(Duration::toSeconds).orElse(0L) + "); Quarry cancelled it",
                            null);
                }
                long started = System.nanoTime();
                if (query) {
                    longPoll(id, remaining.compareTo(tuning.longPoll()) < 0 ? remaining : tuning.longPoll());
                }
                current = retrier.call(true, () -> false, () -> client.getJob(id));
                if (current == null) {
                    throw new EngineException(describe(id) + " disappeared while Quarry waited for it", null);
                }
                boolean waited = query && System.nanoTime() - started >= delay.toNanos();
                if (!waited && !JobStatus.State.DONE.equals(current.getStatus().getState())) {
                    BigQueryRetrier.sleep(delay);
                    delay = Duration.ofNanos(Math.min((long) (delay.toNanos() * 1.5),
                            tuning.maxPollDelay().toNanos()));
                }
            }
            done = true;
            if (current.getStatus().getError() != null) {
                if (cancelled) {
                    throw new EngineException("cancelled: the run was interrupted (" + describe(id)
                            + " was cancelled)", null);
                }
                throw new JobFailedException(current);
            }
            return current;
        } finally {
            running = null;
            if (!done) {
                cancelQuietly(id);
            }
        }
    }

    /**
     * Waits up to {@code wait} for a query job to finish: jobs.getQueryResults answers as soon as it is done (or has
     * failed; jobs.get then says how), so a short query is not waited for a whole poll interval.
     */
    private void longPoll(JobId id, Duration wait) {
        try {
            client.getQueryResults(id, QueryResultsOption.pageSize(0),
                    QueryResultsOption.maxWaitTime(Math.max(1, wait.toMillis())));
        } catch (BigQueryException failedOrUnreachable) {
            // A failed job's results are an error: jobs.get tells what happened to it.
        }
    }

    String describe(JobId id) {
        return "BigQuery job " + id.getJob() + " in " + (id.getLocation() != null ? id.getLocation()
                : failures.location());
    }

    /** Keeps what the job did; the rows it wrote, or -1 when BigQuery does not say. */
    CompletedJob record(Job done) {
        JobStatistics statistics = done.getStatistics();
        long processed = 0;
        long billed = 0;
        boolean cacheHit = false;
        long rows = -1;
        String type = "QUERY";
        if (statistics instanceof JobStatistics.QueryStatistics query) {
            processed = orZero(query.getTotalBytesProcessed());
            billed = orZero(query.getTotalBytesBilled());
            cacheHit = Boolean.TRUE.equals(query.getCacheHit());
            type = query.getStatementType() == null ? type : query.getStatementType().toString();
            rows = query.getNumDmlAffectedRows() != null ? query.getNumDmlAffectedRows() : rowsCreated(query);
        } else if (statistics instanceof JobStatistics.LoadStatistics load) {
            processed = orZero(load.getInputBytes());
            rows = load.getOutputRows() == null ? -1 : load.getOutputRows();
            type = "LOAD";
        }
        JobId id = done.getJobId();
        CompletedJob job = new CompletedJob(id.getProject(), id.getJob(), id.getLocation(), type, processed, billed,
                statistics == null ? 0 : orZero(statistics.getTotalSlotMs()), cacheHit, rows);
        lastJob = job;
        totals = totals.plus(job);
        return job;
    }

    /** A {@code create table as select} reports no row count: the new table has it (one tables.get). */
    private long rowsCreated(JobStatistics.QueryStatistics query) {
        if (query.getStatementType() == null || query.getDdlTargetTable() == null
                || !"CREATE_TABLE_AS_SELECT".equals(query.getStatementType().toString())) {
            return -1;
        }
        try {
            Table table = client.getTable(query.getDdlTargetTable(),
                    BigQuery.TableOption.fields(BigQuery.TableField.NUM_ROWS));
            return table == null || table.getNumRows() == null ? -1 : table.getNumRows().longValue();
        } catch (BigQueryException unknown) {
            return -1;
        }
    }

    JobId newJobId() {
        return JobId.newBuilder()
                .setProject(settings.project())
                .setJob("quarry_" + UUID.randomUUID().toString().replace("-", ""))
                .setLocation(settings.location().orElse(null))
                .build();
    }

    /** The profile's labels, then {@code quarry_invocation_id} and {@code quarry_node}, as BigQuery allows them. */
    Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        settings.labels().forEach((key, value) -> labels.put(labelText(key), labelText(value)));
        if (adapter.invocationId() != null) {
            labels.put("quarry_invocation_id", labelText(adapter.invocationId()));
        }
        if (node != null) {
            labels.put("quarry_node", labelText(node));
        }
        return labels;
    }

    /** Lower case letters, digits, underscores and dashes, at most 63 characters. */
    private static String labelText(String text) {
        String clean = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{Ll}\\p{Lo}0-9_-]", "_");
        return clean.length() > 63 ? clean.substring(0, 63) : clean;
    }

    void failIfCancelled() {
        if (cancelled) {
            throw new EngineException("cancelled: the run was interrupted", null);
        }
    }

    private void cancelQuietly(JobId job) {
        try {
            client.cancel(job);
        } catch (BigQueryException ignored) {
            // The job finished or vanished in the meantime: nothing left to cancel.
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
