package dev.quarry.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BalancedParallelTest {

    @Test
    void mapsEveryElementOnceInTheListsOrderKeepingNulls() {
        List<Integer> numbers = IntStream.range(0, 10_000).boxed().toList();
        Set<Integer> seen = ConcurrentHashMap.newKeySet();

        List<String> mapped = BalancedParallel.map(numbers, number -> {
            assertThat(seen.add(number)).as("mapped twice: " + number).isTrue();
            return number % 3 == 0 ? null : "n" + number;
        });

        assertThat(mapped).hasSize(10_000);
        assertThat(mapped.get(0)).isNull();
        assertThat(mapped.get(1)).isEqualTo("n1");
        assertThat(mapped.get(9_998)).isEqualTo("n9998");
        assertThat(mapped.get(9_999)).isNull();
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void runsTheActionForEveryIndexOnce() {
        java.util.concurrent.atomic.AtomicIntegerArray runs = new java.util.concurrent.atomic.AtomicIntegerArray(5_000);

        BalancedParallel.forEachIndex(5_000, runs::incrementAndGet);

        assertThat(IntStream.range(0, 5_000).map(runs::get).allMatch(count -> count == 1)).isTrue();
    }

    @Test
    void anEmptyListMapsToAnEmptyOne() {
        assertThat(BalancedParallel.map(List.<String>of(), String::length)).isEmpty();
    }

    @Test
    void theFirstFailureStopsTheElementsNotYetTakenAndIsRethrown() {
        List<Integer> numbers = IntStream.range(0, 100_000).boxed().toList();
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> BalancedParallel.map(numbers, number -> {
            calls.incrementAndGet();
            if (number == 10) {
                throw new IllegalStateException("element 10 failed");
            }
            return number;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("element 10 failed");
        assertThat(calls.get()).isLessThan(100_000);
    }

    @Test
    void aFailureOnAnotherThreadIsRethrownAsItWas() {
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "needs a second core for a helper thread");
        Thread caller = Thread.currentThread();
        CountDownLatch helperFailed = new CountDownLatch(1);
        AssertionError thrown = new AssertionError("bad on a helper");

        assertThatThrownBy(() -> BalancedParallel.map(List.of(1, 2), number -> {
            if (Thread.currentThread() != caller) {
                helperFailed.countDown();
                throw thrown;
            }
            try {
                // The caller waits until a helper thread has failed on the other element.
                assertThat(helperFailed.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException interrupted) {
                throw new IllegalStateException(interrupted);
            }
            return number;
        })).isSameAs(thrown);
    }

    @Test
    void anErrorKeepsItsKind() {
        assertThatThrownBy(() -> BalancedParallel.map(List.of(1, 2, 3), number -> {
            throw new AssertionError("bad " + number);
        })).isInstanceOf(AssertionError.class).hasMessageStartingWith("bad ");
    }
}
