package dev.quarry.adapter;

/**
 * An engine Quarry runs on: its dialect (text) and its sessions (I/O). One adapter per run; each worker thread opens
 * its own session.
 */
public interface EngineAdapter extends AutoCloseable {

    EngineDialect dialect();

    /** Opens a new session; the caller closes it. */
    EngineSession openSession();

    /** Tells the engine the run's invocation id (BigQuery labels every job with it); does nothing by default. */
    default void invocationId(String invocationId) {
    }

    @Override
    void close();
}
