package dev.quarry.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.quarry.execute.Scheduler;

/**
 * While open, Ctrl-C (the JVM's shutdown) cancels the scheduler it was given and holds the exit until the command has
 * written its results, closed the engine and returned: at most 30 seconds.
 */
final class InterruptGuard implements AutoCloseable {

    private static final int MOST_SECONDS_HELD = 30;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile Scheduler scheduler;

    InterruptGuard() {
        hook = new Thread(() -> {
            Scheduler running = scheduler;
            if (running != null) {
                running.cancel();
            }
            try {
                finished.await(MOST_SECONDS_HELD, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }, "quarry-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** What Ctrl-C cancels from now on. */
    void cancels(Scheduler running) {
        this.scheduler = running;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting because of Ctrl-C: the hook is running and has just been released.
        }
    }
}
