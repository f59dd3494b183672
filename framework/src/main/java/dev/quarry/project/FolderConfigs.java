package dev.quarry.project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The {@code models:} (or {@code seeds:}) block of {@code quarry_project.yml}: config set per folder, as
 * {@code +key: value} under the project name and the folder names. Deeper folders win; tags add up.
 */
public final class FolderConfigs {

    /** Config keys set at one folder path ({@code [project, staging]}). */
    private final Map<List<String>, Map<String, ConfigValue>> byPath;

    FolderConfigs(Map<List<String>, Map<String, ConfigValue>> byPath) {
        this.byPath = Map.copyOf(byPath);
    }

    public static FolderConfigs empty() {
        return new FolderConfigs(Map.of());
    }

    /**
     * The config for a node with this fully qualified name ({@code [project, folder..., name]}): every level from the
     * project down, the deepest winning, tags gathered from all levels.
     */
    public Map<String, ConfigValue> resolve(List<String> fqn) {
        Map<String, ConfigValue> resolved = new LinkedHashMap<>();
        LinkedHashSet<Object> tags = new LinkedHashSet<>();
        ConfigValue lastTags = null;
        for (int depth = 0; depth <= fqn.size(); depth++) {
            Map<String, ConfigValue> level = byPath.get(fqn.subList(0, depth));
            if (level == null) {
                continue;
            }
            for (Map.Entry<String, ConfigValue> entry : level.entrySet()) {
                if (entry.getKey().equals("tags") && entry.getValue().value() instanceof List<?> list) {
                    tags.addAll(list);
                    lastTags = entry.getValue();
                } else {
                    resolved.put(entry.getKey(), entry.getValue());
                }
            }
        }
        if (lastTags != null) {
            resolved.put("tags", new ConfigValue(new ArrayList<>(tags), lastTags.location()));
        }
        return resolved;
    }

    /** Builds the paths from a YAML block; the keys under it are folder names or {@code +config} keys. */
    static FolderConfigs read(YamlMap block, YamlReading reading) {
        return read(block, null, reading);
    }

    /**
     * As {@link #read(YamlMap, YamlReading)}, warning about a block named for another project than this one (a typo
     * there would silently drop every config under it).
     */
    static FolderConfigs read(YamlMap block, String projectName, YamlReading reading) {
        Map<List<String>, Map<String, ConfigValue>> byPath = new HashMap<>();
        if (projectName != null) {
            for (YamlMap.Entry entry : block.entries().values()) {
                if (entry.value() instanceof YamlMap && !entry.key().startsWith("+")
                        && !entry.key().equals(projectName)) {
                    reading.diagnostics().warning(entry.keyLocation(), "'" + entry.key() + "' is not this project's "
                            + "name, so its configs apply to nothing", "write the project name '" + projectName
                            + "' here");
                }
            }
        }
        collect(block, List.of(), byPath, reading);
        return new FolderConfigs(byPath);
    }

    private static void collect(YamlMap map, List<String> path, Map<List<String>, Map<String, ConfigValue>> byPath,
            YamlReading reading) {
        for (YamlMap.Entry entry : map.entries().values()) {
            String key = entry.key();
            boolean plus = key.startsWith("+");
            String name = ConfigKeys.normalise(plus ? key.substring(1) : key);
            boolean isConfig = plus || ConfigKeys.isKnown(name) && !(entry.value() instanceof YamlMap);
            if (isConfig && (plus || !path.isEmpty())) {
                Object value = ConfigKeys.check(name, entry.keyLocation(), entry.value().toPlain(),
                        entry.value().location(), reading.diagnostics());
                if (value != null) {
                    byPath.computeIfAbsent(path, ignored -> new LinkedHashMap<>())
                            .put(name, new ConfigValue(value, entry.value().location()));
                }
            } else if (entry.value() instanceof YamlMap child) {
                List<String> childPath = new ArrayList<>(path);
                childPath.add(key);
                collect(child, List.copyOf(childPath), byPath, reading);
            } else if (path.isEmpty()) {
                reading.diagnostics().error(entry.keyLocation(), "'" + key + "' must name the project and hold its "
                        + "folders' configs", "write the project name, then folders, then '+key: value' configs");
            } else {
                reading.diagnostics().error(entry.keyLocation(), "'" + key + "' is neither a folder nor a config key",
                        "write config keys with a '+' in front: '+" + key + ": ...'");
            }
        }
    }
}
