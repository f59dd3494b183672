package dev.quarry.template;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a rendering read from outside its inputs, so that a cached result can be trusted only while those values stay
 * the same: environment variables, whether source tables had files, and whether it used per-invocation values.
 */
public final class RenderTrace {

    private final Map<String, String> envVarsRead = new TreeMap<>();
    private final Map<String, Boolean> sourceFilesSeen = new TreeMap<>();
    private boolean volatileOutput;

    synchronized void readEnvVar(String name, String value) {
        envVarsRead.put(name, value);
    }

    synchronized void usedInvocationValues() {
        volatileOutput = true;
    }

    /** {@code source_has_files(source, table)} answered {@code found}: the output holds while the answer does. */
    synchronized void lookedAtFiles(String source, String table, boolean found) {
        sourceFilesSeen.put(sourceTableKey(source, table), found);
    }

    /** How {@link #sourceFilesSeen} names a source table: the two names with a NUL between (names may hold dots). */
    public static String sourceTableKey(String source, String table) {
        return source + '\u0000' + table;
    }

    /** The source and table names a {@link #sourceTableKey} holds, or empty for text that is not one. */
    public static java.util.Optional<java.util.List<String>> sourceTable(String key) {
        int separator = key.indexOf('\u0000');
        return separator < 0 ? java.util.Optional.empty()
                : java.util.Optional.of(java.util.List.of(key.substring(0, separator), key.substring(separator + 1)));
    }

    /** Notes what another rendering read, too. */
    void add(RenderTrace other) {
        Map<String, String> envVars;
        Map<String, Boolean> files;
        boolean perInvocation;
        synchronized (other) {
            if (other.envVarsRead.isEmpty() && other.sourceFilesSeen.isEmpty() && !other.volatileOutput) {
                return;
            }
            envVars = new TreeMap<>(other.envVarsRead);
            files = new TreeMap<>(other.sourceFilesSeen);
            perInvocation = other.volatileOutput;
        }
        synchronized (this) {
            envVarsRead.putAll(envVars);
            sourceFilesSeen.putAll(files);
            volatileOutput |= perInvocation;
        }
    }

    /** Environment variables read, with the values seen (null: not set). */
    public synchronized Map<String, String> envVarsRead() {
        return new TreeMap<>(envVarsRead);
    }

    /** Whether each source table asked about (named by {@link #sourceTableKey}) had files. */
    public synchronized Map<String, Boolean> sourceFilesSeen() {
        return new TreeMap<>(sourceFilesSeen);
    }

    /** True when the output depends on {@code run_started_at} or {@code invocation_id}. */
    public synchronized boolean isVolatile() {
        return volatileOutput;
    }
}
