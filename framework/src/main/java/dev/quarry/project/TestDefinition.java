package dev.quarry.project;

import java.util.Map;

import dev.quarry.error.SourceLocation;

/**
 * A generic data test attached in YAML to a model, a column, a source table or a seed.
 *
 * @param testName  the generic test: {@code unique}, {@code accepted_values}, or a project's own
 * @param arguments its named arguments ({@code values}, {@code to}, {@code field}, ...), as plain values
 * @param config    {@code severity}, {@code where}, ... with their locations
 * @param name      a name the user gave the test, or null for the generated one
 */
public record TestDefinition(String testName, Map<String, Object> arguments, Map<String, ConfigValue> config,
        String name, SourceLocation location) {

    public TestDefinition {
        arguments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(arguments));
        config = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
    }
}
