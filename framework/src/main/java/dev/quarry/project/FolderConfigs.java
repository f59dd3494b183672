package dev.quarry.project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import dev.quarry.error.SourceLocation;

/**
 * The {@code models:} (or {@code seeds:}) block of {@code quarry_project.yml}: config set per folder, as
 * {@code +key: value} under the project name and the folder names. Deeper folders win; tags and hooks add up.
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
     * project down, the deepest winning, tags gathered from all levels and hooks ({@link ConfigKeys#HOOKS}) run from
     * all of them, the outer levels' first.
     */
    public Map<String, ConfigValue> resolve(List<String> fqn) {
        Map<String, ConfigValue> resolved = new LinkedHashMap<>();
        LinkedHashSet<Object> tags = new LinkedHashSet<>();
        ConfigValue lastTags = null;
        for (Map<String, ConfigValue> level : levels(fqn)) {
            for (Map.Entry<String, ConfigValue> entry : level.entrySet()) {
                ConfigValue value = entry.getValue();
                if (entry.getKey().equals("tags") && value.value() instanceof List<?> list) {
                    tags.addAll(list);
                    lastTags = value;
                } else if (ConfigKeys.HOOKS.contains(entry.getKey()) && value.value() instanceof List<?> hooks
                        && resolved.get(entry.getKey()) != null
                        && resolved.get(entry.getKey()).value() instanceof List<?> outer) {
                    List<Object> all = new ArrayList<>(outer);
                    all.addAll(hooks);
                    resolved.put(entry.getKey(), new ConfigValue(all, value.location()));
                } else {
                    resolved.put(entry.getKey(), value);
                }
            }
        }
        if (lastTags != null) {
            resolved.put("tags", new ConfigValue(new ArrayList<>(tags), lastTags.location()));
        }
        return resolved;
    }

    /**
     * Where each of the node's hooks of one kind ({@code pre_hook}, {@code post_hook}) that the folders set is
     * written, in the order {@link #resolve} lists them.
     */
    public List<SourceLocation> hookLocations(List<String> fqn, String kind) {
        List<SourceLocation> locations = new ArrayList<>();
        for (Map<String, ConfigValue> level : levels(fqn)) {
            ConfigValue value = level.get(kind);
            if (value != null && value.value() instanceof List<?> hooks) {
                hooks.forEach(hook -> locations.add(value.location()));
            }
        }
        return locations;
    }

    /** The config set at each level from the project down to the node, skipping levels that set none. */
    private List<Map<String, ConfigValue>> levels(List<String> fqn) {
        List<Map<String, ConfigValue>> levels = new ArrayList<>();
        for (int depth = 0; depth <= fqn.size(); depth++) {
            Map<String, ConfigValue> level = byPath.get(fqn.subList(0, depth));
            if (level != null) {
                levels.add(level);
            }
        }
        return levels;
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
