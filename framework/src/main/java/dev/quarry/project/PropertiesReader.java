package dev.quarry.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the {@code version: 2} properties files: models, seeds, sources, unit tests and exposures. */
final class PropertiesReader {

    private static final Set<String> TOP_KEYS = Set.of("version", "models", "sources", "seeds", "unit_tests",
            "exposures", "macros", "snapshots", "analyses", "metrics", "semantic_models", "groups", "saved_queries");
    /** Keys of a model or seed that dbt acts on and Quarry reads without acting on, with what Quarry does instead. */
    private static final java.util.Map<String, String> UNUSED_NODE_KEYS = java.util.Map.of(
            "access", "a project is one package in Quarry, so access does not restrict ref()",
            "group", "a project is one package in Quarry, so groups do not restrict ref()",
            "versions", "model versions are not supported: make each version a model of its own",
            "latest_version", "model versions are not supported: make each version a model of its own");
    private static final Set<String> NODE_KEYS = Set.of("name", "description", "config", "columns", "data_tests",
            "tests", "meta", "docs", "tags", "access", "group", "latest_version", "versions", "constraints");
    private static final Set<String> EXPOSURE_KEYS = Set.of("name", "type", "label", "description", "url", "maturity",
            "owner", "depends_on", "tags", "meta", "config");

    private final YamlReading reading;
    private final TestDefinitionReader tests;
    private final SourceReader sources;
    private final UnitTestReader unitTests;

    private final List<NodeProperties> models = new ArrayList<>();
    private final List<NodeProperties> seeds = new ArrayList<>();
    private final List<SourceDefinition> sourceDefinitions = new ArrayList<>();
    private final List<UnitTestDefinition> unitTestDefinitions = new ArrayList<>();
    private final List<ExposureDefinition> exposures = new ArrayList<>();

    PropertiesReader(YamlReading reading) {
        this.reading = reading;
        this.tests = new TestDefinitionReader(reading);
        this.sources = new SourceReader(reading, tests);
        this.unitTests = new UnitTestReader(reading, tests);
    }

    /** Adds what one file declares. */
    void read(YamlNode document, String file) {
        reading.map(document, file).ifPresent(root -> {
            reading.warnUnknownKeys(root, TOP_KEYS, file);
            reading.list(root, "models").forEach(item -> node(item, file, "a model").ifPresent(models::add));
            reading.list(root, "seeds").forEach(item -> node(item, file, "a seed").ifPresent(seeds::add));
            reading.list(root, "sources").forEach(item -> sources.read(item, file).ifPresent(sourceDefinitions::add));
            reading.list(root, "unit_tests")
                    .forEach(item -> unitTests.read(item, file).ifPresent(unitTestDefinitions::add));
            reading.list(root, "exposures").forEach(item -> exposure(item, file).ifPresent(exposures::add));
        });
    }

    ProjectProperties result() {
        return new ProjectProperties(models, seeds, sourceDefinitions, unitTestDefinitions, exposures);
    }

    private java.util.Optional<NodeProperties> node(YamlNode item, String file, String what) {
        return reading.map(item, what).flatMap(map -> {
            reading.warnUnknownKeys(map, NODE_KEYS, what);
            reading.warnUnusedKeys(map, UNUSED_NODE_KEYS, what);
            return reading.requiredString(map, "name", what).map(name -> new NodeProperties(name,
                    reading.string(map, "description").orElse(""),
                    withTopLevelConfig(tests.config(map, "config"), map),
                    tests.columns(map),
                    tests.tests(map),
                    tests.plainMap(map, "meta"),
                    file,
                    map.location(),
                    tests.constraints(map, null)));
        });
    }

    /** Top-level {@code tags:} and {@code docs:} on a node count as config, as in dbt. */
    private java.util.Map<String, ConfigValue> withTopLevelConfig(java.util.Map<String, ConfigValue> config,
            YamlMap map) {
        java.util.Map<String, ConfigValue> merged = new java.util.LinkedHashMap<>(config);
        if (map.has("tags") && !config.containsKey("tags")) {
            merged.put("tags", new ConfigValue(reading.stringList(map, "tags"),
                    map.get("tags").orElseThrow().location()));
        }
        if (map.has("docs") && !config.containsKey("docs")) {
            YamlNode docs = map.get("docs").orElseThrow();
            Object checked = ConfigKeys.check("docs", docs.location(), docs.toPlain(), docs.location(),
                    reading.diagnostics());
            if (checked != null) {
                merged.put("docs", new ConfigValue(checked, docs.location()));
            }
        }
        return merged;
    }

    private java.util.Optional<ExposureDefinition> exposure(YamlNode item, String file) {
        return reading.map(item, "an exposure").flatMap(map -> {
            reading.warnUnknownKeys(map, EXPOSURE_KEYS, "an exposure");
            List<ExposureDefinition.Reference> dependsOn = new ArrayList<>();
            for (YamlNode reference : reading.list(map, "depends_on")) {
                reading.string(reference, "depends_on")
                        .ifPresent(text -> dependsOn.add(new ExposureDefinition.Reference(text, reference.location())));
            }
            return reading.requiredString(map, "name", "an exposure").map(name -> new ExposureDefinition(name,
                    reading.string(map, "type").orElse("dashboard"),
                    reading.string(map, "label").orElse(null),
                    reading.string(map, "description").orElse(""),
                    reading.string(map, "url").orElse(null),
                    reading.string(map, "maturity").orElse(null),
                    tests.plainMap(map, "owner"),
                    dependsOn,
                    reading.stringList(map, "tags"),
                    tests.plainMap(map, "meta"),
                    file,
                    map.location()));
        });
    }
}
