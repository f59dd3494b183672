package dev.quarry.template;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a rendering read from outside its inputs, so that a cached result can be trusted only while those values stay
 * the same: environment variables, and whether it used per-invocation values or looked at files on disk.
 */
public final class RenderTrace {

    private final Map<String, String> envVarsRead = new TreeMap<>();
    private boolean volatileOutput;

    synchronized void readEnvVar(String name, String value) {
        envVarsRead.put(name, value);
    }

    synchronized void usedInvocationValues() {
        volatileOutput = true;
    }

    /** The output depends on which files exist ({@code source_has_files}): it is rendered again each time. */
    synchronized void lookedAtFiles() {
        volatileOutput = true;
    }

    /** Environment variables read, with the values seen (null: not set). */
    public synchronized Map<String, String> envVarsRead() {
        return new TreeMap<>(envVarsRead);
    }

    /** True when the output depends on {@code run_started_at}, {@code invocation_id} or files on disk. */
    public synchronized boolean isVolatile() {
        return volatileOutput;
    }
}
