package dev.quarry.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quarry.error.SourceLocation;
import dev.quarry.project.ConfigValue;
import dev.quarry.template.Relation;
import dev.quarry.template.TemplateCallException;

/**
 * The parse pass: {@code ref()} and {@code source()} are checked and recorded and return placeholders,
 * {@code <@config/>} is recorded, {@code is_incremental()} is false.
 */
final class ParsePassContext extends ScopedRenderContext {

    private final String nodeName;
    private final List<Reference> references = new ArrayList<>();
    private final Map<String, ConfigValue> config = new LinkedHashMap<>();

    ParsePassContext(ProjectScope scope, String nodeName) {
        super(scope);
        this.nodeName = nodeName;
    }

    List<Reference> references() {
        return references;
    }

    Map<String, ConfigValue> config() {
        return config;
    }

    @Override
    public Relation ref(String packageName, String name) throws TemplateCallException {
        scope.checkRef(packageName, name);
        add(Reference.ref(packageName, name));
        return new Relation(null, "", name, name);
    }

    @Override
    public Relation source(String sourceName, String tableName) throws TemplateCallException {
        scope.checkSource(sourceName, tableName);
        add(Reference.source(sourceName, tableName));
        return new Relation(null, sourceName, tableName, sourceName + "." + tableName);
    }

    private void add(Reference reference) {
        if (!references.contains(reference)) {
            references.add(reference);
        }
    }

    @Override
    public void config(Map<String, Object> values, SourceLocation location) {
        values.forEach((key, value) -> config.put(key, new ConfigValue(value, location)));
    }

    @Override
    public Relation self() {
        return new Relation(null, "", nodeName, nodeName);
    }

    @Override
    public boolean isIncremental() {
        return false;
    }
}
