package dev.quarry.adapter.bigquery;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;

/**
 * Retries what the BigQuery client does not. The client (2.59) retries an API call itself, up to
 * {@code job_retries} times through its {@code RetrySettings}, only when the connection failed or, for job calls,
 * when the message says a rate limit was exceeded; an HTTP 5xx or 429 answer it gives up on at once. This class
 * retries those API calls ({@link #call}), and runs a job that failed transiently again as a new job
 * ({@link #rerun}). So no failure is retried more than {@code job_retries} times by either layer. Backoff is
 * exponential with jitter: a random delay between half and all of {@code initialDelay * 2^(retry - 1)}, at most
 * {@code maxDelay}.
 */
final class BigQueryRetrier {

    /** Reasons BigQuery gives for failures that may pass when tried again. */
    static final Set<String> TRANSIENT_REASONS = Set.of("backendError", "internalError", "rateLimitExceeded",
            "jobBackendError", "jobInternalError", "jobRateLimitExceeded");

    /** The messages the client itself retries job creation and polling on (its {@code DEFAULT_RETRY_CONFIG}). */
    private static final Pattern CLIENT_RETRIED_MESSAGE = Pattern.compile(
            "Exceeded rate limits:|Job exceeded rate limits:|.*exceed.*rate.*limit.*", Pattern.DOTALL);

    private final int retries;
    private final Duration initialDelay;
    private final Duration maxDelay;

    BigQueryRetrier(int retries, Duration initialDelay, Duration maxDelay) {
        this.retries = retries;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
    }

    /** A job that finished with an error; the job id and its errors are kept for the message. */
    static final class JobFailedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final transient com.google.cloud.bigquery.Job job;

        JobFailedException(com.google.cloud.bigquery.Job job) {
            super(job.getStatus().getError().getMessage(), null, false, false);
            this.job = job;
        }

        BigQueryError error() {
            return job.getStatus().getError();
        }
    }

    /**
     * Runs an API call until it succeeds, fails for good, or {@code job_retries} retries are spent.
     *
     * @param jobCall   whether the call creates or polls a job (the client retries rate limits there itself)
     * @param cancelled stops retrying once the run is interrupted
     */
    <T> T call(boolean jobCall, BooleanSupplier cancelled, Supplier<T> call) {
        for (int retry = 1;; retry++) {
            try {
                return call.get();
            } catch (BigQueryException failure) {
                if (retry > retries || cancelled.getAsBoolean() || !retryHere(failure, jobCall)) {
                    throw failure;
                }
                sleep(delay(retry));
            }
        }
    }

    /** Runs a job (each attempt a new job) until it does not fail transiently, at most {@code job_retries} more times. */
    <T> T rerun(BooleanSupplier cancelled, Supplier<T> job) {
        for (int retry = 1;; retry++) {
            try {
                return job.get();
            } catch (JobFailedException failure) {
                if (retry > retries || cancelled.getAsBoolean() || !isTransient(failure)) {
                    throw failure;
                }
                sleep(delay(retry));
            }
        }
    }

    /** Whether a failure may pass when tried again, by whichever layer. */
    static boolean isTransient(RuntimeException failure) {
        if (failure instanceof JobFailedException job) {
            return TRANSIENT_REASONS.contains(job.error().getReason());
        }
        if (failure instanceof BigQueryException bigQuery) {
            return bigQuery.isRetryable() || bigQuery.getCode() == 429 || bigQuery.getCode() >= 500
                    || TRANSIENT_REASONS.contains(bigQuery.getReason()) || connectionFailed(bigQuery);
        }
        return false;
    }

    /** Whether this class retries a failed API call: it is transient, and the client has not retried it already. */
    static boolean retryHere(BigQueryException failure, boolean jobCall) {
        boolean clientRetried = connectionFailed(failure) || jobCall && failure.getMessage() != null
                && CLIENT_RETRIED_MESSAGE.matcher(failure.getMessage()).find();
        return isTransient(failure) && !clientRetried;
    }

    /** A refused or reset connection, or an unknown host: what the client's exception handler retries. */
    private static boolean connectionFailed(BigQueryException failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.SocketException || cause instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    Duration delay(int retry) {
        double exponential = initialDelay.toNanos() * Math.pow(2, retry - 1);
        double capped = Math.min(exponential, maxDelay.toNanos());
        double jittered = capped * (0.5 + ThreadLocalRandom.current().nextDouble() * 0.5);
        return Duration.ofNanos((long) jittered);
    }

    static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis(), (int) (delay.toNanos() % 1_000_000));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new dev.quarry.adapter.EngineException("interrupted while waiting for BigQuery", interrupted);
        }
    }

    int retries() {
        return retries;
    }
}
