package dev.quarry.project;

import java.util.List;
import java.util.Map;

import dev.quarry.error.SourceLocation;

/**
 * The YAML properties of a model or a seed: description, config, columns, data tests and constraints.
 *
 * @param file        the properties file they came from
 * @param constraints the model-level {@code constraints:} (each naming its columns)
 */
public record NodeProperties(String name, String description, Map<String, ConfigValue> config,
        List<ColumnProperties> columns, List<TestDefinition> tests, Map<String, Object> meta, String file,
        SourceLocation location, List<Constraint> constraints) {

    public NodeProperties {
        config = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
        columns = List.copyOf(columns);
        tests = List.copyOf(tests);
        meta = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
        constraints = List.copyOf(constraints);
    }
}
