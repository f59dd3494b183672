package dev.sfcrimestats.socrata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(60),
            Duration.ofMinutes(5));
    private final RandomGenerator random = new SplittableRandom(7);

    @Test
    void backsOffExponentiallyWithJitterBetweenHalfAndAllOfTheStep() {
        for (int failed = 1; failed <= 8; failed++) {
            long step = Math.min(60_000, 1000L << (failed - 1));
            for (int sample = 0; sample < 50; sample++) {
                long delay = policy.delay(failed, Optional.empty(), random).toMillis();
                assertThat(delay).isBetween(step / 2, step);
            }
        }
    }

    @Test
    void jitterSpreadsTheWaits() {
        long first = policy.delay(4, Optional.empty(), random).toMillis();
        boolean differs = false;
        for (int sample = 0; sample < 20 && !differs; sample++) {
            differs = policy.delay(4, Optional.empty(), random).toMillis() != first;
        }
        assertThat(differs).isTrue();
    }

    @Test
    void honoursRetryAfterUpToTheCap() {
        assertThat(policy.delay(1, Optional.of(Duration.ofSeconds(7)), random)).isEqualTo(Duration.ofSeconds(7));
        assertThat(policy.delay(1, Optional.of(Duration.ofHours(2)), random)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDate() {
        assertThat(SocrataErrors.parseRetryAfter("12")).contains(Duration.ofSeconds(12));
        assertThat(SocrataErrors.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        assertThat(SocrataErrors.parseRetryAfter("soon")).isEmpty();
    }

    @Test
    void retriesWhatPassesWithTimeOnly() {
        assertThat(SocrataErrors.isRetryable(429)).isTrue();
        assertThat(SocrataErrors.isRetryable(202)).isTrue();
        assertThat(SocrataErrors.isRetryable(503)).isTrue();
        assertThat(SocrataErrors.isRetryable(404)).isFalse();
        assertThat(SocrataErrors.isRetryable(403)).isFalse();
        assertThat(SocrataErrors.isRetryable(400)).isFalse();
    }
}
