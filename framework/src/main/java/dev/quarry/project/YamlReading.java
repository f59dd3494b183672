package dev.quarry.project;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.quarry.error.DidYouMean;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.SourceLocation;

/**
 * Typed access to YAML values: each accessor checks the value's kind and reports a located error when it is wrong
 * ("materialized must be a string, not the number 5"), then returns empty so that loading goes on and finds the rest.
 */
final class YamlReading {

    private final Diagnostics diagnostics;

    YamlReading(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    Optional<String> string(YamlMap map, String key) {
        return map.get(key).flatMap(node -> string(node, key));
    }

    Optional<String> string(YamlNode node, String what) {
        if (node instanceof YamlScalar scalar && !scalar.isNull()) {
            if (scalar.kind() == YamlScalar.Kind.STRING) {
                return Optional.of(scalar.text());
            }
            wrongType(node, what, "a string", "quote it: '" + scalar.text() + "'");
            return Optional.empty();
        }
        if (node instanceof YamlScalar) {
            return Optional.empty();
        }
        wrongType(node, what, "a string", null);
        return Optional.empty();
    }

    /** A scalar of any kind as text (numbers and booleans are fine where a name or version is meant). */
    Optional<String> text(YamlMap map, String key) {
        Optional<YamlNode> node = map.get(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlScalar scalar) {
            return Optional.ofNullable(scalar.text());
        }
        wrongType(node.get(), key, "a single value", null);
        return Optional.empty();
    }

    Optional<Boolean> bool(YamlMap map, String key) {
        Optional<YamlNode> node = map.get(key);
        if (node.isEmpty() || node.get() instanceof YamlScalar scalar && scalar.isNull()) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlScalar scalar && scalar.kind() == YamlScalar.Kind.BOOLEAN) {
            return Optional.of((Boolean) scalar.toPlain());
        }
        wrongType(node.get(), key, "true or false", null);
        return Optional.empty();
    }

    Optional<Long> integer(YamlMap map, String key) {
        Optional<YamlNode> node = map.get(key);
        if (node.isEmpty() || node.get() instanceof YamlScalar scalar && scalar.isNull()) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlScalar scalar && scalar.kind() == YamlScalar.Kind.INTEGER
                && scalar.toPlain() instanceof Long value) {
            return Optional.of(value);
        }
        wrongType(node.get(), key, "a whole number", null);
        return Optional.empty();
    }

    Optional<YamlMap> map(YamlMap map, String key) {
        return map.get(key).flatMap(node -> map(node, key));
    }

    Optional<YamlMap> map(YamlNode node, String what) {
        if (node instanceof YamlMap mapping) {
            return Optional.of(mapping);
        }
        if (node instanceof YamlScalar scalar && scalar.isNull()) {
            return Optional.empty();
        }
        wrongType(node, what, "a mapping (key: value lines)", null);
        return Optional.empty();
    }

    /** The items of a list; a null or missing value is an empty list. */
    List<YamlNode> list(YamlMap map, String key) {
        Optional<YamlNode> node = map.get(key);
        if (node.isEmpty() || node.get() instanceof YamlScalar scalar && scalar.isNull()) {
            return List.of();
        }
        if (node.get() instanceof YamlList list) {
            return list.items();
        }
        wrongType(node.get(), key, "a list", null);
        return List.of();
    }

    /** A list of strings; a single string is accepted as a list of one, as dbt does for tags. */
    List<String> stringList(YamlMap map, String key) {
        Optional<YamlNode> node = map.get(key);
        if (node.isPresent() && node.get() instanceof YamlScalar scalar && scalar.kind() == YamlScalar.Kind.STRING) {
            return List.of(scalar.text());
        }
        List<String> values = new ArrayList<>();
        for (YamlNode item : list(map, key)) {
            string(item, key).ifPresent(values::add);
        }
        return values;
    }

    /** Reports a required key that is missing. */
    Optional<String> requiredString(YamlMap map, String key, String what) {
        if (!map.has(key)) {
            diagnostics.error(map.location(), what + " has no '" + key + "'", "add '" + key + ": ...'");
            return Optional.empty();
        }
        return string(map, key);
    }

    /** Warns about keys outside the known set, with a did-you-mean hint. */
    void warnUnknownKeys(YamlMap map, Collection<String> known, String what) {
        for (YamlMap.Entry entry : map.entries().values()) {
            if (!known.contains(entry.key())) {
                String hint = DidYouMean.hint(entry.key(), known);
                diagnostics.warning(entry.keyLocation(), "unknown key '" + entry.key() + "' in " + what,
                        hint != null ? hint : "known keys: " + String.join(", ", known));
            }
        }
    }

    /**
     * Warns about keys dbt has that Quarry reads but does not act on, each with why and what to do, so that a project
     * does not take them for applied.
     *
     * @param unused key to the sentence that says what Quarry does instead
     */
    void warnUnusedKeys(YamlMap map, Map<String, String> unused, String what) {
        for (YamlMap.Entry entry : map.entries().values()) {
            String instead = unused.get(entry.key());
            if (instead != null) {
                diagnostics.warning(entry.keyLocation(), "'" + entry.key() + "' of " + what + " is read but not used",
                        instead);
            }
        }
    }

    void wrongType(YamlNode node, String what, String expected, String hint) {
        SourceLocation location = node.location();
        diagnostics.error(location, what + " must be " + expected + ", not " + node.describe(), hint);
    }
}
