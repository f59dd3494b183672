package dev.quarry.project;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.quarry.error.SourceLocation;

/** A YAML mapping with string keys, in file order; each key keeps its own location. */
public record YamlMap(Map<String, Entry> entries, SourceLocation location) implements YamlNode {

    /** One key and its value. */
    public record Entry(String key, SourceLocation keyLocation, YamlNode value) {
    }

    public YamlMap {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public Optional<YamlNode> get(String key) {
        Entry entry = entries.get(key);
        return entry == null ? Optional.empty() : Optional.of(entry.value());
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    @Override
    public String describe() {
        return "a mapping";
    }

    @Override
    public Object toPlain() {
        Map<String, Object> plain = new LinkedHashMap<>();
        entries.forEach((key, entry) -> plain.put(key, entry.value().toPlain()));
        return plain;
    }
}
