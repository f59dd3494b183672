package dev.quarry.compile;

import java.util.Map;
import java.util.Optional;

import dev.quarry.error.Diagnostic;
import dev.quarry.error.Diagnostics;
import dev.quarry.template.Relation;
import dev.quarry.template.RenderEnvironment;
import dev.quarry.template.TemplateEngine;
import dev.quarry.template.TemplateFailure;

/**
 * Renders a selected node's template with the target's relations and checks the SQL, or takes both from the cache
 * when the template's parse key, its config and every relation it prints are unchanged.
 */
final class CompilePass {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CompilePass.class);

    private final TemplateEngine engine;
    private final ProjectScope scope;
    private final RenderEnvironment environment;
    private final CompileCache cache;
    private final SqlChecker checker = new SqlChecker();
    private final Map<String, Relation> refRelations;
    private final Map<String, Relation> sourceRelations;
    private final Diagnostics diagnostics;

    CompilePass(TemplateEngine engine, ProjectScope scope, RenderEnvironment environment, CompileCache cache,
            Map<String, Relation> refRelations, Map<String, Relation> sourceRelations, Diagnostics diagnostics) {
        this.engine = engine;
        this.scope = scope;
        this.environment = environment;
        this.cache = cache;
        this.refRelations = refRelations;
        this.sourceRelations = sourceRelations;
        this.diagnostics = diagnostics;
    }

    /** The result of compiling one node. */
    record Output(String sql, boolean fromCache) {
    }

    /** The compiled SQL, or null when rendering failed (reported). */
    Output compile(ManifestNode node, boolean incremental) {
        Relation self = node.relation() != null ? node.relation() : new Relation(null, "", node.name(), node.name());
        CacheEntry cached = cache.get(node.path());
        String key = compileKey(node, cached, self, incremental);
        if (cached != null && key != null && key.equals(cached.compileKey())) {
            if (cached.warning() != null) {
                diagnostics.add(cached.warning());
            }
            return new Output(cached.compiledSql(), true);
        }
        LOG.debug("compile pass renders {}: {}", node.path(), cached == null || cached.compileKey() == null
                ? "not cached" : key == null ? "not cacheable" : "inputs changed");
        CompilePassContext context = new CompilePassContext(scope, refRelations, sourceRelations, self, incremental);
        try {
            String sql = engine.render(node.path(), node.rawCode(), context, environment).text();
            Optional<Diagnostic> warning = checker.check(node.path(), node.rawCode(), sql);
            warning.ifPresent(diagnostics::add);
            if (cached != null && key != null) {
                cache.put(node.path(), cached.withCompiled(key, sql, warning.orElse(null)));
            }
            return new Output(sql, false);
        } catch (TemplateFailure failure) {
            diagnostics.add(failure.diagnostic());
            return null;
        }
    }

    /** Null when the node cannot be cached (its parse result is not cached, or it used per-invocation values). */
    private String compileKey(ManifestNode node, CacheEntry cached, Relation self, boolean incremental) {
        if (cached == null || cached.parsed().isVolatile()) {
            return null;
        }
        StringBuilder relations = new StringBuilder();
        for (Reference reference : node.references()) {
            Relation relation = reference.isRef() ? refRelations.get(reference.name())
                    : sourceRelations.get(reference.parts().get(0) + "." + reference.parts().get(1));
            relations.append(relation == null ? "?" : relation.rendered()).append('\n');
        }
        return Checksums.sha256(cached.parseKey(), String.valueOf(new java.util.TreeMap<>(node.config())), self.rendered(),
                relations.toString(), String.valueOf(incremental));
    }
}
