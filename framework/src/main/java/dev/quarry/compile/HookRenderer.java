package dev.quarry.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quarry.error.Diagnostic;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.SourceLocation;
import dev.quarry.project.Hook;
import dev.quarry.template.Relation;
import dev.quarry.template.RenderEnvironment;
import dev.quarry.template.TemplateEngine;
import dev.quarry.template.TemplateFailure;

/**
 * Renders hooks, which are SQL templates: a model's {@code pre_hook}/{@code post_hook} with {@code this} being the
 * model's relation and {@code is_incremental()} the model's own (kept in the node's details as
 * {@code rendered_pre_hook}/{@code rendered_post_hook}), and the project's {@code on-run-start}/{@code on-run-end}. A
 * hook that renders to nothing but white space is left out, as dbt does, so that a hook can be conditional. A failure
 * is reported where the hook is written.
 */
final class HookRenderer {

    private final TemplateEngine engine;
    private final ProjectScope scope;
    private final RenderEnvironment environment;
    private final Map<String, Relation> refRelations;
    private final Map<String, Relation> sourceRelations;
    private final Diagnostics diagnostics;
    private final Definitions definitions;

    /** Where one of a node's hooks is set: its {@code index}th {@code pre_hook} or {@code post_hook}. */
    @FunctionalInterface
    interface Definitions {
        SourceLocation of(ManifestNode node, String kind, int index);
    }

    HookRenderer(TemplateEngine engine, ProjectScope scope, RenderEnvironment environment,
            Map<String, Relation> refRelations, Map<String, Relation> sourceRelations, Diagnostics diagnostics,
            Definitions definitions) {
        this.engine = engine;
        this.scope = scope;
        this.environment = environment;
        this.refRelations = refRelations;
        this.sourceRelations = sourceRelations;
        this.diagnostics = diagnostics;
        this.definitions = definitions;
    }

    /**
     * The node with its hooks rendered, or the node itself when it has none.
     *
     * @param incremental what {@code is_incremental()} says in the hooks: as in the model's own SQL
     */
    ManifestNode withRenderedHooks(ManifestNode node, boolean incremental) {
        List<String> pre = hooks(node, "pre_hook");
        List<String> post = hooks(node, "post_hook");
        if (pre.isEmpty() && post.isEmpty()) {
            return node;
        }
        Map<String, Object> details = new LinkedHashMap<>(node.details());
        details.put("rendered_pre_hook", render(node, pre, "pre_hook", incremental));
        details.put("rendered_post_hook", render(node, post, "post_hook", incremental));
        return new ManifestNode(node.uniqueId(), node.type(), node.name(), node.packageName(), node.path(),
                node.patchPath(), node.fqn(), node.rawCode(), node.compiledCode(), node.checksum(), node.config(),
                node.tags(), node.description(), node.columns(), node.references(), node.dependsOn(),
                node.relation(), details);
    }

    /**
     * {@code on-run-start} or {@code on-run-end}, in order.
     *
     * @param kind which of the two, as errors name it
     */
    List<String> renderProjectHooks(List<Hook> hooks, String kind) {
        Relation schema = new Relation(scope.project().target().database(), scope.project().target().schema(), "",
                "");
        List<String> rendered = new ArrayList<>();
        for (Hook hook : hooks) {
            render(hook.sql(), hook.location().toString(), kind + " hook", hook::location, schema, false)
                    .ifPresent(rendered::add);
        }
        return rendered;
    }

    @SuppressWarnings("unchecked")
    private static List<String> hooks(ManifestNode node, String key) {
        Object value = node.config().get(key);
        return value instanceof List<?> list ? (List<String>) list : List.of();
    }

    private List<String> render(ManifestNode node, List<String> hooks, String kind, boolean incremental) {
        List<String> rendered = new ArrayList<>();
        for (int index = 0; index < hooks.size(); index++) {
            String label = kind + "[" + index + "]";
            Relation self = node.relation() != null ? node.relation() : new Relation(null, "", node.name(),
                    node.name());
            int which = index;
            render(hooks.get(index), node.path() + "#" + label, label, () -> definitions.of(node, kind, which), self,
                    incremental).ifPresent(rendered::add);
        }
        return rendered;
    }

    /**
     * The hook's SQL, or empty when it failed or rendered to nothing. A failure is reported where the hook is set,
     * naming the hook ({@code label}) and the place in its text.
     */
    private java.util.Optional<String> render(String sql, String templateName, String label,
            java.util.function.Supplier<SourceLocation> where, Relation self, boolean incremental) {
        try {
            CompilePassContext context = new CompilePassContext(scope, refRelations, sourceRelations, self,
                    incremental, name -> false);
            String rendered = engine.render(templateName, sql, context, environment).text().strip();
            return rendered.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(rendered);
        } catch (TemplateFailure failure) {
            Diagnostic cause = failure.diagnostic();
            diagnostics.error(where.get(), label + positionIn(cause.location(), templateName) + ": " + cause.message(),
                    cause.hint());
            return java.util.Optional.empty();
        }
    }

    /** ", line 1, column 56" when the failure is placed in the hook's own text; else nothing. */
    private static String positionIn(SourceLocation failure, String templateName) {
        return failure != null && templateName.equals(failure.file()) && failure.line() > 0
                ? ", line " + failure.line() + ", column " + failure.column() : "";
    }
}
