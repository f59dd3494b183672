package dev.sfcrimestats.socrata;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How often and how long to wait before asking again: exponential backoff with jitter (so many clients that failed
 * together do not retry together), or the server's {@code Retry-After} when it gave one.
 *
 * @param maxAttempts   attempts in all, the first included
 * @param initialDelay  the wait after the first failure, before jitter
 * @param maxDelay      the longest wait backoff reaches
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one is cut to this
 */
record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter) {

    static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(60),
            Duration.ofMinutes(5));

    /**
     * The wait before attempt {@code failedAttempts + 1}: {@code Retry-After} when given, else a random time between
     * half and all of {@code initialDelay * 2^(failedAttempts - 1)}, capped at {@code maxDelay}.
     */
    Duration delay(int failedAttempts, Optional<Duration> retryAfter, RandomGenerator random) {
        if (retryAfter.isPresent()) {
            return retryAfter.get().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter.get();
        }
        long base = initialDelay.toMillis() << Math.min(20, failedAttempts - 1);
        long capped = Math.min(base, maxDelay.toMillis());
        return Duration.ofMillis(capped / 2 + (capped > 1 ? random.nextLong(capped - capped / 2) : 0));
    }
}
