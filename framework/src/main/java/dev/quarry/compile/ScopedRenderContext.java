package dev.quarry.compile;

import java.util.Set;

import dev.quarry.project.DocBlock;
import dev.quarry.template.RenderContext;

/** What both passes answer alike: vars, environment variables and doc blocks of the project. */
abstract class ScopedRenderContext implements RenderContext {

    protected final ProjectScope scope;

    ScopedRenderContext(ProjectScope scope) {
        this.scope = scope;
    }

    @Override
    public boolean sourceHasFiles(String sourceName, String tableName) throws dev.quarry.template
            .TemplateCallException {
        scope.checkSource(sourceName, tableName);
        return scope.sourceHasFiles(sourceName, tableName);
    }

    @Override
    public Object var(String name) {
        return scope.project().vars().get(name);
    }

    @Override
    public String envVar(String name) {
        return scope.environment().get(name);
    }

    @Override
    public String doc(String name) {
        DocBlock block = scope.project().docs().get(name);
        return block == null ? null : block.text();
    }

    @Override
    public Set<String> varNames() {
        return scope.project().vars().keySet();
    }

    @Override
    public Set<String> docNames() {
        return scope.project().docs().keySet();
    }
}
