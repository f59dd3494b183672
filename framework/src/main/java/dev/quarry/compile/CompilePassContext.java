package dev.quarry.compile;

import java.util.Map;
import java.util.function.Predicate;

import dev.quarry.error.SourceLocation;
import dev.quarry.template.Relation;
import dev.quarry.template.TemplateCallException;

/** The compile pass: names resolve to the target's relations; config was already taken in the parse pass. */
final class CompilePassContext extends ScopedRenderContext {

    private final Map<String, Relation> refRelations;
    private final Map<String, Relation> sourceRelations;
    private final Relation self;
    private final boolean incremental;
    private final Predicate<String> notInlined;

    /**
     * @param refRelations    model and seed name to relation (an ephemeral model's is its CTE name)
     * @param sourceRelations {@code source.table} to relation
     * @param notInlined      whether a name is an ephemeral model that is not inlined into this node: its ref() was
     *                        not seen by the parse pass, so its CTE would be missing
     */
    CompilePassContext(ProjectScope scope, Map<String, Relation> refRelations, Map<String, Relation> sourceRelations,
            Relation self, boolean incremental, Predicate<String> notInlined) {
        super(scope);
        this.refRelations = refRelations;
        this.sourceRelations = sourceRelations;
        this.self = self;
        this.incremental = incremental;
        this.notInlined = notInlined;
    }

    @Override
    public Relation ref(String packageName, String name) throws TemplateCallException {
        scope.checkRef(packageName, name);
        Relation relation = refRelations.get(name);
        if (relation == null) {
            throw new TemplateCallException("ref('" + name + "') names a disabled model",
                    "enable it, or remove the ref");
        }
        if (notInlined.test(name)) {
            throw new TemplateCallException("ref('" + name + "') of an ephemeral model was not seen by the parse "
                    + "pass (where is_incremental() is false), so its SQL cannot be inlined here",
                    "also ref() it where the parse pass sees it, e.g. in a SQL comment outside the <#if>: "
                    + "-- depends on: ${ref('" + name + "')}");
        }
        return relation;
    }

    @Override
    public Relation source(String sourceName, String tableName) throws TemplateCallException {
        scope.checkSource(sourceName, tableName);
        return sourceRelations.get(sourceName + "." + tableName);
    }

    @Override
    public void config(Map<String, Object> values, SourceLocation location) {
        // Read in the parse pass; the compile pass renders the same call again and has nothing to add.
    }

    @Override
    public Relation self() {
        return self;
    }

    @Override
    public boolean isIncremental() {
        return incremental;
    }
}
