package dev.quarry.compile;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.quarry.error.Diagnostic;
import dev.quarry.error.Diagnostics;
import dev.quarry.template.Relation;
import dev.quarry.template.RenderEnvironment;
import dev.quarry.template.TemplateEngine;
import dev.quarry.template.TemplateFailure;

/**
 * Renders a selected node's template with the target's relations, inlines the ephemeral models it uses as CTEs and
 * checks the SQL, or takes both from the cache when the template's parse key, its config, every relation it prints and
 * the SQL of every ephemeral model it inlines are unchanged.
 */
final class CompilePass {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CompilePass.class);

    private final TemplateEngine engine;
    private final ProjectScope scope;
    private final RenderEnvironment environment;
    private final CompileCache cache;
    private final SqlChecker checker = new SqlChecker();
    private final TestSqlCheck testSqlCheck = new TestSqlCheck();
    private final Map<String, Relation> refRelations;
    private final Map<String, Relation> sourceRelations;
    private final EphemeralModels ephemerals;
    private final Diagnostics diagnostics;
    private final String sharedKey;

    /** @param sharedKey what every template may read (macros, vars, target), hashed: keys generic tests' entries */
    CompilePass(TemplateEngine engine, ProjectScope scope, RenderEnvironment environment, CompileCache cache,
            Map<String, Relation> refRelations, Map<String, Relation> sourceRelations, EphemeralModels ephemerals,
            Diagnostics diagnostics, String sharedKey) {
        this.sharedKey = sharedKey;
        this.engine = engine;
        this.scope = scope;
        this.environment = environment;
        this.cache = cache;
        this.refRelations = refRelations;
        this.sourceRelations = sourceRelations;
        this.ephemerals = ephemerals;
        this.diagnostics = diagnostics;
    }

    /**
     * The result of compiling one node.
     *
     * @param sql    the compiled SQL, with the ephemeral models it uses inlined as CTEs
     * @param ownSql the template's own rendering, without them (what another node inlines of an ephemeral model)
     * @param outputColumns the columns {@code sql} returns as {@link OutputColumns} names them, or empty when they
     *               cannot be named for sure (and for a generic test); found by the same parse as the SQL check, and
     *               cached with it
     */
    record Output(String sql, String ownSql, boolean fromCache, Optional<List<String>> outputColumns) {
    }

    /**
     * The compiled SQL, or null when rendering failed (reported) or an ephemeral model it inlines has no SQL (which
     * failed and was reported). The cache keeps the node's own rendering; the CTEs are put in front again each time.
     *
     * @param reportWarnings false for an ephemeral model that was not selected and is only compiled to be inlined
     */
    Output compile(ManifestNode node, boolean incremental, boolean reportWarnings) {
        List<CteInjector.Cte> ctes = ephemerals.ctes(node);
        if (ctes == null) {
            return null;
        }
        Relation self = ephemerals.self(node);
        if (self == null) {
            self = node.relation() != null ? node.relation() : new Relation(null, "", node.name(), node.name());
        }
        CacheEntry cached = node.isGenericTest() ? genericTestEntry(node) : cache.get(node.path());
        String key = compileKey(node, cached, self, incremental, ctes);
        if (cached != null && key != null && key.equals(cached.compileKey())) {
            if (cached.warning() != null && reportWarnings) {
                diagnostics.add(cached.warning());
            }
            return new Output(CteInjector.inject(cached.compiledSql(), ctes), cached.compiledSql(), true,
                    Optional.ofNullable(cached.outputColumns()));
        }
        LOG.debug("compile pass renders {}: {}", node.path(), cached == null || cached.compileKey() == null
                ? "not cached" : key == null ? "not cacheable" : "inputs changed");
        Set<String> inlined = new HashSet<>();
        ctes.forEach(cte -> inlined.add(cte.model()));
        CompilePassContext context = new CompilePassContext(scope, refRelations, sourceRelations, self, incremental,
                name -> ephemerals.relation(name) != null && !inlined.contains(name));
        try {
            dev.quarry.template.Rendered rendered = render(node, context);
            String own = rendered.text();
            if (node.isGenericTest() && cached != null) {
                // A generic test has no parse pass: what its rendering read decides whether it may be reused.
                cached = new CacheEntry(cached.parseKey(), new ParsedTemplate(cached.parsed().checksum(),
                        node.references(), Map.of(), rendered.trace().envVarsRead(),
                        rendered.trace().sourceFilesSeen(), rendered.trace().isVolatile()),
                        null, null, null);
            }
            String sql = CteInjector.inject(own, ctes);
            // A generic test's columns are never asked for; its SQL is checked once per skeleton (TestSqlCheck).
            SqlParse parse = node.isGenericTest() ? testSqlCheck.parse(sql) : SqlParse.of(sql);
            Optional<List<String>> outputColumns = node.isGenericTest() ? Optional.empty()
                    : OutputColumns.of(parse.statement());
            Optional<Diagnostic> warning = checker.check(node.sqlPath(), node.rawCode(), sql, parse)
                    .map(found -> definedAt(node).map(yaml -> Diagnostic.warning(yaml, found.message(),
                            found.hint())).orElse(found));
            if (warning.isPresent() && !ctes.isEmpty()) {
                warning = Optional.of(blame(node, own, ctes, warning.get()));
            }
            if (reportWarnings) {
                warning.ifPresent(diagnostics::add);
            }
            if (cached != null && key != null) {
                cache.put(templateName(node), cached.withCompiled(key, own, warning.orElse(null),
                        outputColumns.orElse(null)));
            }
            return new Output(sql, own, false, outputColumns);
        } catch (TemplateFailure failure) {
            Diagnostic found = failure.diagnostic();
            diagnostics.add(definedAt(node).map(yaml -> testFailure(node, yaml, failure.withoutCallSite()))
                    .orElse(found));
            return null;
        }
    }

    /**
     * A generic test's template error, at the test's YAML line: the call site of the test's macro; where the error is
     * in that macro, the hint says.
     */
    private static Diagnostic testFailure(ManifestNode node, dev.quarry.error.SourceLocation yaml, Diagnostic found) {
        String hint = found.hint();
        if (!found.location().file().equals(renderedName(node))) {
            String at = "the error is at " + found.location() + ", in the test's macro";
            hint = hint == null ? at : hint + "; " + at;
        }
        return new Diagnostic(found.severity(), yaml, "data test '" + node.name() + "': " + found.message(), hint);
    }

    /** Renders a node; a generic test through its shape, which the tests calling its macro alike share. */
    private dev.quarry.template.Rendered render(ManifestNode node, CompilePassContext context)
            throws TemplateFailure {
        Optional<GenericTestInvocation.Shape> shape = shape(node);
        if (shape.isEmpty()) {
            return engine.render(templateName(node), node.rawCode(), context, environment);
        }
        return engine.render(renderedName(node), shape.get().text(), context, environment,
                Map.of(GenericTestInvocation.Shape.VARIABLE, shape.get().values()));
    }

    private static Optional<GenericTestInvocation.Shape> shape(ManifestNode node) {
        return node.isGenericTest() ? GenericTestInvocation.shape(node.rawCode()) : Optional.empty();
    }

    /** The name of the template a node is rendered from, which errors in it point at. */
    private static String renderedName(ManifestNode node) {
        return shape(node).map(shape -> "generic test " + shape.text()).orElseGet(() -> templateName(node));
    }

    /**
     * A generic test's cache entry: the one kept under its unique id while its template and everything templates may
     * read are unchanged, else a new one (filled in when it is rendered).
     */
    private CacheEntry genericTestEntry(ManifestNode test) {
        String parseKey = Checksums.sha256(sharedKey, test.rawCode());
        CacheEntry kept = cache.get(test.uniqueId());
        if (kept != null && kept.parseKey().equals(parseKey) && !kept.parsed().isVolatile()
                && ParsePass.outsideReadsUnchanged(scope, kept.parsed())) {
            return kept;
        }
        return new CacheEntry(parseKey, new ParsedTemplate(Checksums.sha256(test.rawCode()), test.references(),
                Map.of(), Map.of(), Map.of(), false), null, null, null);
    }

    /**
     * The name a node's template is parsed and cached under: its file, or for a generic test (whose template is made
     * from YAML, many to a file) its unique id.
     */
    private static String templateName(ManifestNode node) {
        return node.isGenericTest() ? node.uniqueId() : node.path();
    }

    /** Where a generic test is written in YAML: its errors point there, not at its generated template. */
    private static Optional<dev.quarry.error.SourceLocation> definedAt(ManifestNode node) {
        return node.details().get("defined_at") instanceof String at
                ? Optional.of(dev.quarry.error.SourceLocation.parse(at)) : Optional.empty();
    }

    /**
     * Where a SQL check failure of SQL with inlined CTEs points (only worked out when there is one). When the SQL of an
     * inlined ephemeral model does not parse, at the ref() that brings it in, naming it; when the node's own SQL does
     * not parse, at its template line, as usual; when each part parses and the whole does not, at the first ref() of
     * an ephemeral model. The message and hint keep the line numbers of the whole SQL, which target/compiled holds.
     */
    private Diagnostic blame(ManifestNode node, String own, List<CteInjector.Cte> ctes, Diagnostic combined) {
        for (CteInjector.Cte cte : ctes) {
            if (checker.check(node.path(), "", cte.sql()).isPresent()) {
                String via = ephemerals.refLeadingTo(node, cte.model());
                return Diagnostic.warning(ReferenceLocator.locate(node, via), combined.message(),
                        "it is in the SQL of the ephemeral model '" + cte.model() + "', inlined here"
                                + (via.equals(cte.model()) ? "" : " through '" + via + "'") + "; "
                                + combined.hint());
            }
        }
        Optional<Diagnostic> ownWarning = checker.check(node.path(), node.rawCode(), own);
        if (ownWarning.isPresent()) {
            return Diagnostic.warning(ownWarning.get().location(), combined.message(), combined.hint());
        }
        String first = ephemerals.refLeadingTo(node, ctes.get(ctes.size() - 1).model());
        return Diagnostic.warning(ReferenceLocator.locate(node, first), combined.message(),
                "it comes with the ephemeral models inlined here ("
                        + String.join(", ", ctes.stream().map(CteInjector.Cte::model).toList()) + "); "
                        + combined.hint());
    }

    /** Null when the node cannot be cached (its parse result is not cached, or it used per-invocation values). */
    private String compileKey(ManifestNode node, CacheEntry cached, Relation self, boolean incremental,
            List<CteInjector.Cte> ctes) {
        if (cached == null || cached.parsed().isVolatile()) {
            return null;
        }
        StringBuilder relations = new StringBuilder();
        for (Reference reference : node.references()) {
            Relation relation = reference.isRef() ? refRelations.get(reference.name())
                    : sourceRelations.get(reference.parts().get(0) + "." + reference.parts().get(1));
            relations.append(relation == null ? "?" : relation.rendered()).append('\n');
        }
        // The inlined SQL of ephemeral models: a change to one compiles (and checks) every node that inlines it again.
        StringBuilder inlined = new StringBuilder();
        for (CteInjector.Cte cte : ctes) {
            inlined.append(cte.identifier()).append('\n').append(cte.sql()).append('\u0000');
        }
        return Checksums.sha256(cached.parseKey(), String.valueOf(new java.util.TreeMap<>(node.config())),
                self.rendered(), relations.toString(), String.valueOf(incremental), inlined.toString());
    }
}
