package dev.quarry.compile;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.quarry.error.SourceLocation;
import dev.quarry.template.Relation;
import dev.quarry.template.TemplateCallException;

/**
 * A model rendered for one of its unit tests: each {@code ref()} and {@code source()} is the CTE holding the rows the
 * test gives for it, and the test's overrides win over the project's vars, environment variables and
 * {@code is_incremental()}.
 */
final class UnitTestContext extends ScopedRenderContext {

    private final Map<String, Relation> givenInputs;
    private final Relation self;
    private final boolean incremental;
    private final Map<String, Object> vars;
    private final Map<String, String> envVars;
    private final Set<String> used = new HashSet<>();

    /**
     * @param givenInputs the CTE of each given input by its expression: {@code ref('x')}, {@code source('a', 'b')},
     *                    {@code this}
     */
    UnitTestContext(ProjectScope scope, Map<String, Relation> givenInputs, Relation self, boolean incremental,
            Map<String, Object> vars, Map<String, String> envVars) {
        super(scope);
        this.givenInputs = givenInputs;
        this.self = self;
        this.incremental = incremental;
        this.vars = vars;
        this.envVars = envVars;
    }

    static String refInput(String name) {
        return "ref('" + name + "')";
    }

    static String sourceInput(String sourceName, String tableName) {
        return "source('" + sourceName + "', '" + tableName + "')";
    }

    @Override
    public Relation ref(String packageName, String name) throws TemplateCallException {
        scope.checkRef(packageName, name);
        return given(refInput(name));
    }

    @Override
    public Relation source(String sourceName, String tableName) throws TemplateCallException {
        scope.checkSource(sourceName, tableName);
        return given(sourceInput(sourceName, tableName));
    }

    private Relation given(String input) throws TemplateCallException {
        Relation relation = givenInputs.get(input);
        if (relation == null) {
            throw new TemplateCallException("the unit test gives no rows for " + input + ", which the model reads",
                    "add '- input: \"" + input + "\"' under given, with its rows ('rows: []' for none)");
        }
        used.add(input);
        return relation;
    }

    /** The given inputs the rendering read. */
    Set<String> used() {
        return used;
    }

    @Override
    public void config(Map<String, Object> values, SourceLocation location) {
        // The model's config was read when it was parsed.
    }

    @Override
    public Relation self() {
        if (givenInputs.containsKey("this")) {
            used.add("this");
            return givenInputs.get("this");
        }
        return self;
    }

    @Override
    public boolean isIncremental() {
        return incremental;
    }

    @Override
    public Object var(String name) {
        return vars.containsKey(name) ? vars.get(name) : super.var(name);
    }

    @Override
    public String envVar(String name) {
        return envVars.containsKey(name) ? envVars.get(name) : super.envVar(name);
    }

    @Override
    public Set<String> varNames() {
        Set<String> names = new HashSet<>(super.varNames());
        names.addAll(vars.keySet());
        return names;
    }
}
