package dev.quarry.seed;

import java.util.ArrayList;
import java.util.List;

import dev.quarry.adapter.EngineSession;

/** A session that keeps every statement it ran, and closes what opened it when it is closed. */
final class RecordingSession extends ForwardingSession {

    private final AutoCloseable owner;
    final List<String> executed = new ArrayList<>();

    /**
     * @param owner closed after the session (the adapter that opened it), or null
     */
    RecordingSession(EngineSession delegate, AutoCloseable owner) {
        super(delegate);
        this.owner = owner;
    }

    /** The single value a query returns. */
    Object value(String sql) {
        return query(sql, 1).rows().get(0).get(0);
    }

    @Override
    public long execute(String sql) {
        long affected = delegate.execute(sql);
        executed.add(sql);
        return affected;
    }

    @Override
    public void close() {
        delegate.close();
        if (owner != null) {
            try {
                owner.close();
            } catch (Exception ignored) {
                // An in-memory test database; nothing is lost.
            }
        }
    }
}
