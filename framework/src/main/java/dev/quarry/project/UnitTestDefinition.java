package dev.quarry.project;

import java.util.List;
import java.util.Map;

import dev.quarry.error.SourceLocation;

/**
 * A model unit test (dbt 1.8's {@code unit_tests:} shape): literal inputs, the rows the model must return.
 *
 * @param overrides {@code vars}, {@code env_vars} and {@code macros} (such as {@code is_incremental}) to use
 */
public record UnitTestDefinition(String name, String model, String description, List<Fixture> given, Fixture expect,
        boolean ordered, Map<String, Object> overrides, Map<String, ConfigValue> config, String file,
        SourceLocation location) {

    public UnitTestDefinition {
        given = List.copyOf(given);
        overrides = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(overrides));
        config = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
    }

    /**
     * Rows given for an input, or expected.
     *
     * @param input   {@code ref('x')} or {@code source('a', 'b')}; null for the expectation
     * @param format  dict (YAML rows) or csv
     * @param rows    YAML rows, for format dict
     * @param csv     inline CSV text, for format csv without a fixture
     * @param fixture the name of a CSV fixture file, or null
     */
    public record Fixture(String input, String format, List<Map<String, Object>> rows, String csv, String fixture,
            SourceLocation location) {

        public Fixture {
            rows = List.copyOf(rows);
        }
    }
}
