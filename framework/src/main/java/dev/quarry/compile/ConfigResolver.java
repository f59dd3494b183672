package dev.quarry.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import dev.quarry.error.Diagnostics;
import dev.quarry.error.SourceLocation;
import dev.quarry.project.ConfigKeys;
import dev.quarry.project.ConfigValue;

/**
 * Merges a node's config from its layers: in-file {@code <@config/>} over YAML {@code config:} over the project's
 * folder {@code +key}s over defaults. Tags add up across layers, and so do hooks ({@link ConfigKeys#HOOKS}: the weaker
 * layers' run first, as in dbt). In-file values are checked here, since only the parse pass sees them.
 */
final class ConfigResolver {

    private final Diagnostics diagnostics;

    ConfigResolver(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * @param layers from the weakest (defaults) to the strongest (in-file)
     */
    @SafeVarargs
    final Map<String, Object> resolve(Map<String, ConfigValue>... layers) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (Map<String, ConfigValue> layer : layers) {
            for (Map.Entry<String, ConfigValue> entry : layer.entrySet()) {
                Object value = entry.getValue().value();
                if (entry.getKey().equals("tags") && value instanceof List<?> list) {
                    list.forEach(tag -> tags.add(String.valueOf(tag)));
                } else if (ConfigKeys.HOOKS.contains(entry.getKey()) && value instanceof List<?> hooks
                        && resolved.get(entry.getKey()) instanceof List<?> weaker) {
                    List<Object> all = new ArrayList<>(weaker);
                    all.addAll(hooks);
                    resolved.put(entry.getKey(), all);
                } else if (value != null) {
                    resolved.put(entry.getKey(), value);
                }
            }
        }
        resolved.put("tags", new ArrayList<>(tags));
        return resolved;
    }

    /** The parse result with its in-file config checked and normalised (see {@link #checkInFile}). */
    ParsedTemplate checked(ParsedTemplate parsed) {
        return new ParsedTemplate(parsed.checksum(), parsed.references(), checkInFile(parsed.config()), parsed.envVarsRead(),
                parsed.sourceFilesSeen(), parsed.isVolatile());
    }

    /** Checks in-file config values (key names and kinds), normalising them as YAML values are. */
    Map<String, ConfigValue> checkInFile(Map<String, ConfigValue> inFile) {
        Map<String, ConfigValue> checked = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> entry : inFile.entrySet()) {
            String key = ConfigKeys.normalise(entry.getKey());
            SourceLocation location = entry.getValue().location();
            Object value = ConfigKeys.check(key, plain(entry.getValue().value()), location, diagnostics);
            if (value != null) {
                checked.put(key, new ConfigValue(value, location));
            }
        }
        return checked;
    }

    /** FreeMarker numbers unwrap as Integer or BigDecimal; config wants Long for whole numbers. */
    private static Object plain(Object value) {
        if (value instanceof Number number && !(value instanceof Long)) {
            double asDouble = number.doubleValue();
            return asDouble == Math.rint(asDouble) ? (Object) number.longValue() : (Object) asDouble;
        }
        return value;
    }

    static Map<String, ConfigValue> defaults(String materialized) {
        Map<String, ConfigValue> defaults = new LinkedHashMap<>();
        defaults.put("materialized", new ConfigValue(materialized, SourceLocation.of("")));
        defaults.put("enabled", new ConfigValue(true, SourceLocation.of("")));
        return defaults;
    }
}
