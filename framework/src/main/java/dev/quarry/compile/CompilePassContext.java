package dev.quarry.compile;

import java.util.Map;

import dev.quarry.error.SourceLocation;
import dev.quarry.template.Relation;
import dev.quarry.template.TemplateCallException;

/** The compile pass: names resolve to the target's relations; config was already taken in the parse pass. */
final class CompilePassContext extends ScopedRenderContext {

    private final Map<String, Relation> refRelations;
    private final Map<String, Relation> sourceRelations;
    private final Relation self;
    private final boolean incremental;

    /**
     * @param refRelations    model and seed name to relation
     * @param sourceRelations {@code source.table} to relation
     */
    CompilePassContext(ProjectScope scope, Map<String, Relation> refRelations, Map<String, Relation> sourceRelations,
            Relation self, boolean incremental) {
        super(scope);
        this.refRelations = refRelations;
        this.sourceRelations = sourceRelations;
        this.self = self;
        this.incremental = incremental;
    }

    @Override
    public Relation ref(String packageName, String name) throws TemplateCallException {
        scope.checkRef(packageName, name);
        Relation relation = refRelations.get(name);
        if (relation == null) {
            throw new TemplateCallException("ref('" + name + "') names a disabled model",
                    "enable it, or remove the ref");
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
