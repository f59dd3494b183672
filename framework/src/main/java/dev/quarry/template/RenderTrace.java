package dev.quarry.template;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a rendering read from outside its inputs, so that a cached result can be trusted only while those values stay
 * the same: environment variables, and whether it used per-invocation values.
 */
public final class RenderTrace {

    private final Map<String, String> envVarsRead = new TreeMap<>();
    private boolean usedInvocationValues;

    synchronized void readEnvVar(String name, String value) {
        envVarsRead.put(name, value);
    }

    synchronized void usedInvocationValues() {
        usedInvocationValues = true;
    }

    /** Environment variables read, with the values seen (null: not set). */
    public synchronized Map<String, String> envVarsRead() {
        return new TreeMap<>(envVarsRead);
    }

    /** True when the output depends on {@code run_started_at} or {@code invocation_id}. */
    public synchronized boolean isVolatile() {
        return usedInvocationValues;
    }
}
