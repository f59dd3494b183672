package dev.quarry.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code data_tests:} (alias {@code tests:}) lists, {@code columns:} lists and {@code config:} blocks. */
final class TestDefinitionReader {

    /** Keys of a column that dbt acts on and Quarry reads without acting on, with what Quarry does instead. */
    private static final java.util.Map<String, String> UNUSED_COLUMN_KEYS = java.util.Map.of(
            "policy_tags", "Quarry sets no BigQuery policy tags: set them on the table outside Quarry");
    private static final Set<String> CONSTRAINT_KEYS = Set.of("type", "columns", "expression", "name", "to",
            "to_columns", "warn_unenforced", "warn_unsupported");
    private static final Set<String> COLUMN_KEYS = Set.of("name", "description", "data_type", "data_tests", "tests",
            "tags", "meta", "quote", "constraints", "config", "policy_tags");
    private static final Set<String> TEST_RESERVED = Set.of("config", "name", "arguments", "test_name");

    private final YamlReading reading;

    TestDefinitionReader(YamlReading reading) {
        this.reading = reading;
    }

    /** The tests under {@code data_tests:} or its alias {@code tests:}. */
    List<TestDefinition> tests(YamlMap owner) {
        List<TestDefinition> tests = new ArrayList<>();
        for (String key : List.of("data_tests", "tests")) {
            for (YamlNode item : reading.list(owner, key)) {
                test(item).ifPresent(tests::add);
            }
        }
        return tests;
    }

    private Optional<TestDefinition> test(YamlNode item) {
        if (item instanceof YamlScalar scalar && scalar.kind() == YamlScalar.Kind.STRING) {
            return Optional.of(new TestDefinition(scalar.text(), Map.of(), Map.of(), null, item.location()));
        }
        if (!(item instanceof YamlMap map) || map.entries().isEmpty()) {
            reading.wrongType(item, "a data test", "a test name or 'test_name: {arguments}'", null);
            return Optional.empty();
        }
        if (map.has("test_name")) {
            return reading.string(map, "test_name").map(name -> definition(name, map, map));
        }
        if (map.entries().size() != 1) {
            reading.diagnostics().error(map.location(), "a data test must be one 'test_name: {arguments}' entry",
                    "put the arguments one level deeper, under the test name");
            return Optional.empty();
        }
        YamlMap.Entry only = map.entries().values().iterator().next();
        if (only.value() instanceof YamlScalar scalar && scalar.isNull()) {
            return Optional.of(new TestDefinition(only.key(), Map.of(), Map.of(), null, only.keyLocation()));
        }
        return reading.map(only.value(), "the arguments of test '" + only.key() + "'")
                .map(arguments -> definition(only.key(), arguments, map));
    }

    private TestDefinition definition(String testName, YamlMap arguments, YamlMap whole) {
        Map<String, Object> values = new LinkedHashMap<>();
        YamlMap source = reading.map(arguments, "arguments").orElse(arguments);
        for (YamlMap.Entry entry : source.entries().values()) {
            if (source != arguments || !TEST_RESERVED.contains(entry.key())) {
                values.put(entry.key(), entry.value().toPlain());
            }
        }
        Map<String, ConfigValue> config = config(arguments, "config");
        String name = reading.string(arguments, "name").orElse(null);
        return new TestDefinition(testName, values, config, name, whole.location());
    }

    List<ColumnProperties> columns(YamlMap owner) {
        List<ColumnProperties> columns = new ArrayList<>();
        for (YamlNode item : reading.list(owner, "columns")) {
            reading.map(item, "a column").ifPresent(column -> {
                reading.warnUnknownKeys(column, COLUMN_KEYS, "a column");
                reading.warnUnusedKeys(column, UNUSED_COLUMN_KEYS, "a column");
                reading.requiredString(column, "name", "a column").ifPresent(name -> columns.add(
                        new ColumnProperties(name,
                                reading.string(column, "description").orElse(""),
                                reading.string(column, "data_type").orElse(null),
                                reading.stringList(column, "tags"),
                                plainMap(column, "meta"),
                                tests(column),
                                column.location(),
                                constraints(column, name))));
            });
        }
        return columns;
    }

    /**
     * The {@code constraints:} of a column ({@code column} names it, and each constraint is on it) or of a model
     * (null: each names its {@code columns}).
     */
    List<Constraint> constraints(YamlMap owner, String column) {
        List<Constraint> constraints = new ArrayList<>();
        for (YamlNode item : reading.list(owner, "constraints")) {
            reading.map(item, "a constraint").ifPresent(map -> {
                reading.warnUnknownKeys(map, CONSTRAINT_KEYS, "a constraint");
                reading.requiredString(map, "type", "a constraint").ifPresent(type -> {
                    if (!Constraint.TYPES.contains(type)) {
                        String hint = dev.quarry.error.DidYouMean.hint(type, Constraint.TYPES);
                        reading.diagnostics().error(map.get("type").orElseThrow().location(), "unknown constraint "
                                + "type '" + type + "'", hint != null ? hint : "use one of not_null, primary_key, "
                                        + "unique, check, foreign_key, custom");
                        return;
                    }
                    List<String> columns = column != null ? List.of(column) : reading.stringList(map, "columns");
                    constraints.add(new Constraint(type, columns, reading.string(map, "expression").orElse(null),
                            map.location()));
                });
            });
        }
        return constraints;
    }

    /** A {@code config:} block, each value checked against the known keys. */
    Map<String, ConfigValue> config(YamlMap owner, String key) {
        Map<String, ConfigValue> config = new LinkedHashMap<>();
        reading.map(owner, key).ifPresent(block -> {
            for (YamlMap.Entry entry : block.entries().values()) {
                String name = ConfigKeys.normalise(entry.key());
                Object value = ConfigKeys.check(name, entry.keyLocation(), entry.value().toPlain(),
                        entry.value().location(), reading.diagnostics());
                if (value != null) {
                    config.put(name, new ConfigValue(value, entry.value().location()));
                }
            }
        });
        return config;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> plainMap(YamlMap owner, String key) {
        return reading.map(owner, key).map(block -> (Map<String, Object>) block.toPlain()).orElse(Map.of());
    }
}
