package dev.quarry.adapter.bigquery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.http.HttpTransportOptions;

import dev.quarry.adapter.EngineAdapter;
import dev.quarry.adapter.EngineDialect;
import dev.quarry.project.Target;

/**
 * BigQuery through its REST API with Google's client: one client per run (thread-safe), a session per worker. Jobs
 * run in the target's project and {@code location}; API calls are retried by the client with exponential backoff and
 * jitter, jobs that fail transiently by the session ({@link BigQueryRetrier}).
 */
public final class BigQueryAdapter implements EngineAdapter {

    private final BigQueryDialect dialect = new BigQueryDialect();
    private final BigQuery client;
    private final BigQuerySettings settings;
    private final BigQueryFailures failures;
    private final Tuning tuning;
    private volatile String invocationId;

    /**
     * How long to wait between retries and between polls of a running job, and how much to upload at once. Tests
     * make them small.
     *
     * @param retryDelay       the first retry's delay (doubling from there, with jitter)
     * @param maxRetryDelay    the longest delay between two retries
     * @param pollDelay        the first delay between two polls of a running job
     * @param maxPollDelay     the longest delay between two polls
     * @param longPoll         how long one jobs.getQueryResults call waits for a query job to finish
     * @param timeoutGrace     how much longer than {@code job_timeout_seconds} to wait for BigQuery to stop a job
     * @param uploadChunkBytes how much of a load job's data one request of the resumable upload carries
     */
    record Tuning(Duration retryDelay, Duration maxRetryDelay, Duration pollDelay, Duration maxPollDelay,
            Duration longPoll, Duration timeoutGrace, int uploadChunkBytes) {

        /** The client's own upload chunk size (15 MiB): a seed is usually one request. */
        static final Tuning PRODUCTION = new Tuning(Duration.ofSeconds(1), Duration.ofSeconds(32),
                Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
                15 * 1024 * 1024);
    }

    private BigQueryAdapter(BigQuery client, BigQuerySettings settings, BigQueryFailures failures, Tuning tuning) {
        this.client = client;
        this.settings = settings;
        this.failures = failures;
        this.tuning = tuning;
    }

    /** Connects to BigQuery as the target says (no call is made until a session runs something). */
    public static BigQueryAdapter open(Target target, Path projectRoot) {
        return open(BigQuerySettings.of(target, projectRoot), Tuning.PRODUCTION);
    }

    static BigQueryAdapter open(BigQuerySettings settings, Tuning tuning) {
        BigQueryFailures anonymous = new BigQueryFailures(settings, Optional.empty());
        BigQueryCredentials credentials = BigQueryCredentials.of(settings, anonymous);
        BigQueryFailures failures = new BigQueryFailures(settings, credentials.principal());
        RetrySettings retries = RetrySettings.newBuilder()
                .setMaxAttempts(settings.jobRetries() + 1)
                .setInitialRetryDelayDuration(tuning.retryDelay())
                .setRetryDelayMultiplier(2.0)
                .setMaxRetryDelayDuration(tuning.maxRetryDelay())
                .setTotalTimeoutDuration(Duration.ofMinutes(10))
                .build();
        BigQueryOptions.Builder options = BigQueryOptions.newBuilder()
                .setProjectId(settings.project())
                .setCredentials(credentials.credentials())
                .setRetrySettings(retries)
                .setTransportOptions(HttpTransportOptions.newBuilder()
                        .setConnectTimeout((int) Duration.ofSeconds(20).toMillis())
                        .setReadTimeout((int) Duration.ofMinutes(2).toMillis())
                        .build());
        settings.location().ifPresent(options::setLocation);
        settings.apiEndpoint().ifPresent(options::setHost);
        return new BigQueryAdapter(options.build().getService(), settings, failures, tuning);
    }

    /**
     * Labels every job from now on with {@code quarry_invocation_id}, so that a run's jobs can be found (and billed)
     * together in BigQuery's job history and {@code INFORMATION_SCHEMA.JOBS}.
     */
    @Override
    public void invocationId(String invocationId) {
        this.invocationId = invocationId;
    }

    String invocationId() {
        return invocationId;
    }

    public BigQuerySettings settings() {
        return settings;
    }

    @Override
    public EngineDialect dialect() {
        return dialect;
    }

    @Override
    public BigQuerySession openSession() {
        return new BigQuerySession(this, client, failures, new BigQueryRetrier(settings.jobRetries(),
                tuning.retryDelay(), tuning.maxRetryDelay()), tuning);
    }

    /** The client keeps no connections that need closing; sessions own nothing either. */
    @Override
    public void close() {
        // Nothing to release: the HTTP transport's connections are closed with the JVM.
    }
}
