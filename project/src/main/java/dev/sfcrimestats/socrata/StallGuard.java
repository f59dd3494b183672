package dev.sfcrimestats.socrata;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A read timeout for a response body. {@code java.net.http} bounds the wait for the headers but not for the body, so a
 * server that stops sending mid-body would block the load for ever. The guard watches the bytes arriving; when none
 * came for the timeout it interrupts the reading thread (whose blocked read then fails) and closes the stream.
 */
final class StallGuard implements AutoCloseable {

    private static final ScheduledExecutorService WATCHER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "socrata-stall-guard");
        thread.setDaemon(true);
        return thread;
    });

    private final InputStream stream;
    private final Thread reader;
    private final long timeoutNanos;
    private final ScheduledFuture<?> check;
    private volatile long lastProgress = System.nanoTime();
    private boolean stalled;
    private boolean closed;

    private StallGuard(InputStream body, Duration timeout) {
        this.reader = Thread.currentThread();
        this.timeoutNanos = timeout.toNanos();
        this.stream = new FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                int value = super.read();
                lastProgress = System.nanoTime();
                return value;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                lastProgress = System.nanoTime();
                return read;
            }
        };
        long period = Math.max(10, Math.min(250, timeout.toMillis() / 4));
        this.check = WATCHER.scheduleWithFixedDelay(this::checkProgress, period, period, TimeUnit.MILLISECONDS);
    }

    /** Starts watching a body read by the current thread. */
    static StallGuard watch(InputStream body, Duration timeout) {
        return new StallGuard(body, timeout);
    }

    /** The body, to read instead of the raw one. */
    InputStream stream() {
        return stream;
    }

    /** Whether the guard gave up on the body. */
    synchronized boolean stalled() {
        return stalled;
    }

    private synchronized void checkProgress() {
        if (closed || stalled || System.nanoTime() - lastProgress < timeoutNanos) {
            return;
        }
        stalled = true;
        reader.interrupt();
        try {
            stream.close();
        } catch (IOException ignored) {
            // The reader is already failing; closing only frees the connection.
        }
    }

    /** Stops watching; the interrupt the guard caused (if any) is cleared, so it is not taken for a stop. */
    @Override
    public synchronized void close() throws IOException {
        closed = true;
        check.cancel(false);
        if (stalled) {
            Thread.interrupted();
        }
        stream.close();
    }
}
