package dev.quarry.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Maps a list (or runs an action per index) on every core, each thread taking the next element when it is done with
 * one. A parallel stream splits a list into a few fixed chunks up front (four on two cores), so when the costly
 * elements sit together, as a compile's 5,000 models before its 11,000 cheap tests do, one core works through them
 * alone while the other idles.
 * The calling thread takes part; the others come from the common fork-join pool.
 */
public final class BalancedParallel {

    private BalancedParallel() {
    }

    /**
     * The function applied to every element, in the list's order (nulls kept). The first exception a call throws
     * stops the elements not yet taken and is rethrown here, once every thread has stopped.
     */
    public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> function) {
        Object[] results = new Object[items.size()];
        forEachIndex(items.size(), index -> results[index] = function.apply(items.get(index)));
        @SuppressWarnings("unchecked")
        List<R> mapped = (List<R>) Collections.unmodifiableList(Arrays.asList(results));
        return mapped;
    }

    /**
     * Runs the action for every index from 0 to {@code count - 1}, each once, in no set order; failures as in
     * {@link #map}.
     */
    public static void forEachIndex(int count, IntConsumer action) {
        AtomicInteger next = new AtomicInteger();
        // The failure itself, whichever thread threw it: a fork-join task's join would rethrow a copy made by
        // reflection, which for some kinds loses the message.
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        Runnable worker = () -> {
            try {
                for (int index = next.getAndIncrement(); index < count; index = next.getAndIncrement()) {
                    action.accept(index);
                }
            } catch (RuntimeException | Error failure) {
                next.set(count);
                if (!firstFailure.compareAndSet(null, failure)) {
                    firstFailure.get().addSuppressed(failure);
                }
            }
        };
        int helpers = Math.min(Runtime.getRuntime().availableProcessors(), count) - 1;
        List<ForkJoinTask<?>> started = new ArrayList<>();
        for (int helper = 0; helper < helpers; helper++) {
            started.add(ForkJoinPool.commonPool().submit(worker));
        }
        worker.run();
        started.forEach(ForkJoinTask::join);
        Throwable failure = firstFailure.get();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
    }
}
