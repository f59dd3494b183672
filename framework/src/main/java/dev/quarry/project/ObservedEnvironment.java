package dev.quarry.project;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The environment variables a command runs with, noting each one looked up: what a command made depends on those
 * alone, so a later command may reuse it while they are as they were. Looking at all of them (iterating, counting)
 * is noted too.
 */
public final class ObservedEnvironment extends AbstractMap<String, String> {

    private final Map<String, String> variables;
    /** By name, the value each had when looked up; empty for a variable that was not set. */
    private final Map<String, Optional<String>> lookedUp = new ConcurrentHashMap<>();
    private volatile boolean everyOneSeen;

    public ObservedEnvironment(Map<String, String> variables) {
        this.variables = variables;
    }

    @Override
    public String get(Object name) {
        String value = variables.get(name);
        if (name instanceof String key) {
            lookedUp.put(key, Optional.ofNullable(value));
        }
        return value;
    }

    @Override
    public boolean containsKey(Object name) {
        return get(name) != null;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        everyOneSeen = true;
        return Collections.unmodifiableMap(variables).entrySet();
    }

    /**
     * The variables looked up so far and their values (null for one not set), sorted by name; empty when all of them
     * were looked at.
     */
    public Optional<Map<String, String>> lookedUp() {
        if (everyOneSeen) {
            return Optional.empty();
        }
        Map<String, String> values = new TreeMap<>();
        lookedUp.forEach((name, value) -> values.put(name, value.orElse(null)));
        return Optional.of(values);
    }
}
