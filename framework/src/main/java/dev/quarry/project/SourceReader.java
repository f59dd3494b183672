package dev.quarry.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads one entry of {@code sources:} and its tables. */
final class SourceReader {

    private static final Set<String> SOURCE_KEYS = Set.of("name", "description", "schema", "database", "loader",
            "loaded_at_field", "freshness", "tables", "tags", "meta", "config", "quoting", "overrides");
    private static final Set<String> TABLE_KEYS = Set.of("name", "identifier", "description", "loaded_at_field",
            "freshness", "external", "loader", "columns", "data_tests", "tests", "tags", "meta", "config", "quoting");

    private final YamlReading reading;
    private final TestDefinitionReader tests;

    SourceReader(YamlReading reading, TestDefinitionReader tests) {
        this.reading = reading;
        this.tests = tests;
    }

    Optional<SourceDefinition> read(YamlNode item, String file) {
        return reading.map(item, "a source").flatMap(map -> {
            reading.warnUnknownKeys(map, SOURCE_KEYS, "a source");
            Optional<String> name = reading.requiredString(map, "name", "a source");
            if (name.isEmpty()) {
                return Optional.empty();
            }
            List<SourceTable> tables = new ArrayList<>();
            for (YamlNode table : reading.list(map, "tables")) {
                table(table).ifPresent(tables::add);
            }
            if (tables.isEmpty()) {
                reading.diagnostics().warning(map.location(), "source '" + name.get() + "' declares no tables",
                        "add 'tables:' with at least one '- name: ...'");
            }
            return Optional.of(new SourceDefinition(name.get(),
                    reading.string(map, "description").orElse(""),
                    reading.string(map, "schema").orElse(name.get()),
                    reading.string(map, "database").orElse(null),
                    reading.string(map, "loaded_at_field").orElse(null),
                    tests.plainMap(map, "freshness"),
                    tests.plainMap(map, "loader"),
                    reading.stringList(map, "tags"),
                    tables,
                    file,
                    map.location()));
        });
    }

    private Optional<SourceTable> table(YamlNode item) {
        return reading.map(item, "a source table").flatMap(map -> {
            reading.warnUnknownKeys(map, TABLE_KEYS, "a source table");
            return reading.requiredString(map, "name", "a source table").map(name -> new SourceTable(name,
                    reading.string(map, "identifier").orElse(name),
                    reading.string(map, "description").orElse(""),
                    reading.string(map, "loaded_at_field").orElse(null),
                    tableFreshness(map),
                    tests.plainMap(map, "external"),
                    tests.plainMap(map, "loader"),
                    !map.has("loader") || !tests.plainMap(map, "loader").isEmpty(),
                    reading.stringList(map, "tags"),
                    tests.columns(map),
                    tests.tests(map),
                    map.location()));
        });
    }

    /**
     * A table's own freshness, which replaces its source's; {@code freshness: null} (or {@code {}}) turns the check
     * off for the table, as in dbt: then both thresholds are null.
     */
    private Map<String, Object> tableFreshness(YamlMap table) {
        Map<String, Object> own = tests.plainMap(table, "freshness");
        if (own.isEmpty() && table.has("freshness")) {
            Map<String, Object> off = new java.util.LinkedHashMap<>();
            off.put("warn_after", null);
            off.put("error_after", null);
            return off;
        }
        return own;
    }
}
