package dev.quarry.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.quarry.error.DidYouMean;
import dev.quarry.error.SourceLocation;

/** A render context over fixed names, recording what templates ask for. */
final class FakeRenderContext implements RenderContext {

    final Set<String> models;
    final Map<String, Object> vars = new HashMap<>();
    final Map<String, String> environment = new HashMap<>();
    final Map<String, String> docs = new HashMap<>();
    final List<String> refs = new ArrayList<>();
    final Map<String, Object> config = new LinkedHashMap<>();
    SourceLocation configLocation;
    boolean incremental;

    FakeRenderContext(String... models) {
        this.models = Set.of(models);
    }

    @Override
    public Relation ref(String packageName, String name) throws TemplateCallException {
        if (!models.contains(name)) {
            throw new TemplateCallException("ref('" + name + "') names no model or seed",
                    DidYouMean.hint(name, models));
        }
        refs.add(name);
        return new Relation(null, "main", name, "\"main\".\"" + name + "\"");
    }

    @Override
    public Relation source(String sourceName, String tableName) {
        return new Relation(null, sourceName, tableName, "\"" + sourceName + "\".\"" + tableName + "\"");
    }

    @Override
    public boolean sourceHasFiles(String sourceName, String tableName) {
        return true;
    }

    @Override
    public void config(Map<String, Object> values, SourceLocation location) {
        config.putAll(values);
        configLocation = location;
    }

    @Override
    public Relation self() {
        return new Relation(null, "main", "self", "\"main\".\"self\"");
    }

    @Override
    public boolean isIncremental() {
        return incremental;
    }

    @Override
    public Object var(String name) {
        return vars.get(name);
    }

    @Override
    public String envVar(String name) {
        return environment.get(name);
    }

    @Override
    public String doc(String name) {
        return docs.get(name);
    }

    @Override
    public Set<String> varNames() {
        return vars.keySet();
    }

    @Override
    public Set<String> docNames() {
        return docs.keySet();
    }
}
