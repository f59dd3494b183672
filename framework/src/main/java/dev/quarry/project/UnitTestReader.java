package dev.quarry.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads one entry of {@code unit_tests:}. */
final class UnitTestReader {

    private static final Set<String> KEYS = Set.of("name", "model", "description", "given", "expect", "overrides",
            "config", "ordered", "versions");
    private static final Set<String> FIXTURE_KEYS = Set.of("input", "rows", "format", "fixture", "ordered");
    private static final Set<String> FORMATS = Set.of("dict", "csv");

    private final YamlReading reading;
    private final TestDefinitionReader tests;

    UnitTestReader(YamlReading reading, TestDefinitionReader tests) {
        this.reading = reading;
        this.tests = tests;
    }

    Optional<UnitTestDefinition> read(YamlNode item, String file) {
        return reading.map(item, "a unit test").flatMap(map -> {
            reading.warnUnknownKeys(map, KEYS, "a unit test");
            Optional<String> name = reading.requiredString(map, "name", "a unit test");
            Optional<String> model = reading.requiredString(map, "model", "a unit test");
            List<UnitTestDefinition.Fixture> given = new ArrayList<>();
            for (YamlNode input : reading.list(map, "given")) {
                reading.map(input, "a 'given' input").flatMap(fixture -> fixture(fixture, true)).ifPresent(given::add);
            }
            Optional<UnitTestDefinition.Fixture> expect = map.has("expect")
                    ? reading.map(map, "expect").flatMap(fixture -> fixture(fixture, false))
                    : Optional.empty();
            if (!map.has("expect")) {
                reading.diagnostics().error(map.location(), "unit test has no 'expect'",
                        "add 'expect: {rows: [...]}' with the rows the model must return");
            }
            boolean ordered = reading.bool(map, "ordered")
                    .or(() -> reading.map(map, "expect").flatMap(block -> reading.bool(block, "ordered")))
                    .orElse(false);
            if (name.isEmpty() || model.isEmpty() || expect.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new UnitTestDefinition(name.get(), model.get(),
                    reading.string(map, "description").orElse(""), given, expect.get(), ordered,
                    tests.plainMap(map, "overrides"), tests.config(map, "config"), file, map.location()));
        });
    }

    @SuppressWarnings("unchecked")
    private Optional<UnitTestDefinition.Fixture> fixture(YamlMap map, boolean isInput) {
        reading.warnUnknownKeys(map, FIXTURE_KEYS, isInput ? "a 'given' input" : "'expect'");
        String input = null;
        if (isInput) {
            Optional<String> reference = reading.requiredString(map, "input", "a 'given' input");
            if (reference.isEmpty()) {
                return Optional.empty();
            }
            input = reference.get();
        }
        String format = reading.string(map, "format").orElse("dict");
        if (!FORMATS.contains(format)) {
            reading.diagnostics().error(map.get("format").orElseThrow().location(), "unknown fixture format '"
                    + format + "'", "use 'dict' (YAML rows) or 'csv'");
            return Optional.empty();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        String csv = null;
        if (format.equals("csv") && map.get("rows").orElse(null) instanceof YamlScalar scalar) {
            csv = scalar.text();
        } else {
            for (YamlNode row : reading.list(map, "rows")) {
                reading.map(row, "a fixture row").ifPresent(values -> rows.add((Map<String, Object>) values.toPlain()));
            }
        }
        String fixture = reading.string(map, "fixture").orElse(null);
        if (fixture != null && map.has("rows")) {
            reading.diagnostics().error(map.location(), "give either 'rows' or 'fixture', not both");
        }
        return Optional.of(new UnitTestDefinition.Fixture(input, format, rows, csv, fixture, map.location()));
    }
}
