package dev.quarry.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.quarry.error.SourceLocation;

/** Reads {@code quarry_project.yml} (dbt_project.yml's shape). */
final class ProjectConfigReader {

    static final String FILE = "quarry_project.yml";

    private static final Set<String> KEYS = Set.of("name", "version", "profile", "config-version", "model-paths",
            "macro-paths", "seed-paths", "test-paths", "target-path", "vars", "models", "seeds", "data_tests", "tests",
            "on-run-start", "on-run-end", "unit_test_engine", "require-dbt-version", "clean-targets", "docs-paths",
            "analysis-paths", "snapshot-paths", "sources", "exposures", "unit_tests", "quoting", "flags");

    private final YamlReading reading;
    private final Map<String, String> environment;
    private final Map<String, Object> commandLineVars;

    ProjectConfigReader(YamlReading reading, Map<String, String> environment, Map<String, Object> commandLineVars) {
        this.reading = reading;
        this.environment = environment;
        this.commandLineVars = commandLineVars;
    }

    /** Reads the project file; empty when it is missing or unreadable (reported). */
    Optional<ProjectConfig> read(String text) {
        Optional<YamlNode> parsed = YamlParser.parse(text, FILE, reading.diagnostics());
        if (parsed.isEmpty()) {
            if (reading.diagnostics().errorCount() == 0) {
                reading.diagnostics().error(SourceLocation.of(FILE), "the project file is empty",
                        "give at least 'name:' and 'profile:'");
            }
            return Optional.empty();
        }
        Optional<YamlMap> rawRoot = reading.map(parsed.get(), FILE);
        if (rawRoot.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> vars = readVars(rawRoot.get());
        YamlMap root = (YamlMap) new YamlInterpolator(environment, vars, true, reading.diagnostics())
                .apply(rawRoot.get());
        reading.warnUnknownKeys(root, KEYS, FILE);
        String name = reading.requiredString(root, "name", FILE).orElse("project");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            reading.diagnostics().error(root.get("name").map(YamlNode::location).orElse(root.location()),
                    "project name '" + name + "' must be letters, digits and underscores",
                    "rename it, e.g. '" + name.replaceAll("[^A-Za-z0-9_]", "_") + "'");
        }
        return Optional.of(new ProjectConfig(
                name,
                reading.text(root, "version").orElse("0.0.0"),
                reading.requiredString(root, "profile", FILE).orElse(name),
                paths(root, "model-paths", "models"),
                paths(root, "macro-paths", "macros"),
                paths(root, "seed-paths", "seeds"),
                paths(root, "test-paths", "tests"),
                reading.string(root, "target-path").orElse("target"),
                vars,
                folders(root, "models", name),
                folders(root, "seeds", name),
                root.has("data_tests") ? folders(root, "data_tests", name) : folders(root, "tests", name),
                hooks(root, "on-run-start"),
                hooks(root, "on-run-end"),
                unitTestEngine(root),
                root.get("profile").or(() -> root.get("name")).map(YamlNode::location).orElse(root.location()),
                root.location()));
    }

    /** The embedded engine unit tests run on when the target is not embedded: duckdb (the default) or h2. */
    private String unitTestEngine(YamlMap root) {
        String engine = reading.string(root, "unit_test_engine").orElse("duckdb");
        if (!engine.equals("duckdb") && !engine.equals("h2")) {
            reading.diagnostics().error(root.get("unit_test_engine").orElseThrow().location(),
                    "unit_test_engine must be an embedded engine, not '" + engine + "'", "use duckdb or h2");
            return "duckdb";
        }
        return engine;
    }

    /** The project's vars, with env_var() resolved in them (a var cannot use another var), then --vars over them. */
    private Map<String, Object> readVars(YamlMap root) {
        Map<String, Object> vars = new LinkedHashMap<>();
        YamlInterpolator environmentOnly = new YamlInterpolator(environment, Map.of(), false, reading.diagnostics());
        reading.map(root, "vars").map(environmentOnly::apply).ifPresent(block -> ((YamlMap) block).entries().forEach(
                (key, entry) -> vars.put(key, entry.value().toPlain())));
        vars.putAll(commandLineVars);
        return vars;
    }

    private List<String> paths(YamlMap root, String key, String fallback) {
        if (!root.has(key)) {
            return List.of(fallback);
        }
        List<String> paths = reading.stringList(root, key);
        return paths.stream().map(path -> path.replace('\\', '/').replaceAll("/+$", "")).toList();
    }

    private FolderConfigs folders(YamlMap root, String key, String projectName) {
        return reading.map(root, key).map(block -> FolderConfigs.read(block, projectName, reading))
                .orElse(FolderConfigs.empty());
    }

    private List<Hook> hooks(YamlMap root, String key) {
        Optional<YamlNode> node = root.get(key);
        if (node.isEmpty()) {
            return List.of();
        }
        List<YamlNode> items = node.get() instanceof YamlList list ? list.items() : List.of(node.get());
        List<Hook> hooks = new ArrayList<>();
        for (YamlNode item : items) {
            reading.string(item, key).ifPresent(sql -> hooks.add(new Hook(sql, item.location())));
        }
        return hooks;
    }
}
