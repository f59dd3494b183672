package dev.quarry.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs how long each phase of a command took, at debug level ({@code --debug}). */
public final class PhaseTimer {

    private static final Logger LOG = LoggerFactory.getLogger(PhaseTimer.class);

    private long last = System.nanoTime();

    /** Logs the time since the previous phase ended (or since this timer was made). */
    public void done(String phase) {
        long now = System.nanoTime();
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} took {} ms", phase, (now - last) / 1_000_000);
        }
        last = now;
    }
}
