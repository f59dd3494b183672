package dev.quarry.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.quarry.error.Diagnostics;
import dev.quarry.project.ModelFile;
import dev.quarry.project.Project;
import dev.quarry.project.UnitTestDefinition;
import dev.quarry.template.RenderEnvironment;
import dev.quarry.template.TemplateEngine;

/**
 * Compiles a model whose body changed, and its unit tests, as the passes of a full compile do, for
 * {@link QuickRecompile}: the result must not differ from the last full compile's in more than the SQL.
 */
final class ChangedModelCompiler {

    private final SqlDialect dialect;
    private final UnitTestCompleter unitTests;

    private final ParsePass parsePass;
    private final NodeFactory factory;
    private final TestNodeFactory tests;
    private final UnitTestRenderer unitTestRenderer;
    private final Project project;
    private final CompileCache cache;
    private final Diagnostics diagnostics;
    private final TemplateEngine engine;
    private final ProjectScope scope;
    private final RenderEnvironment environment;
    private final String sharedKey;

    /**
     * @param unitTests   completes the model's unit tests with their fixtures' rows
     * @param diagnostics what compiling finds: any of it means the quick recompile declines
     * @param cache       the compile cache the snapshot's compile saved: each model's parse result and output columns
     */
    ChangedModelCompiler(Project project, SqlDialect dialect, UnitTestCompleter unitTests, TemplateEngine engine,
            ProjectScope scope, CompileOptions options, Diagnostics diagnostics, CompileCache cache) {
        this.dialect = dialect;
        this.unitTests = unitTests;
        this.project = project;
        this.cache = cache;
        this.engine = engine;
        this.scope = scope;
        this.diagnostics = diagnostics;
        this.environment = new RenderEnvironment(Compiler.targetForTemplates(project), options.runStartedAt(),
                options.invocationId());
        this.sharedKey = Compiler.sharedKey(project);
        // A scratch cache: the changed models are rendered whatever it holds, and the project's cache stays as
        // the last full compile left it (it renders them again, once).
        this.parsePass = new ParsePass(engine, scope, environment, CompileCache.empty(), sharedKey, diagnostics);
        RelationNamer namer = new RelationNamer(dialect, project.target(),
                Compiler.schemaRule(project, engine, environment, scope));
        this.factory = new NodeFactory(project, namer, dialect,
                new DescriptionRenderer(engine, scope, environment, diagnostics), diagnostics);
        this.tests = new TestNodeFactory(project, engine, diagnostics);
        this.unitTestRenderer = new UnitTestRenderer(engine, scope,
                Compiler.unitTestEnvironment(environment, unitTests), diagnostics);
    }

    /**
     * The model and the unit tests of it, compiled; empty when it differs from the snapshot's compile in more than
     * its SQL.
     *
     * @param cached the model's entry in the cache of the snapshot's compile
     */
    Optional<List<ManifestNode>> compile(ModelFile model, CompileSnapshot.Model before, CacheEntry cached,
            CompileSnapshot snapshot) {
        ParsedTemplate parsed = parsePass.parse(model.path(), model.name(), model.rawCode(), true);
        if (parsed == null || cached == null || !signature(parsed).equals(signature(cached.parsed()))) {
            return Optional.empty();
        }
        ManifestNode node = factory.model(model, new ConfigResolver(diagnostics).checked(parsed));
        if (!node.uniqueId().equals(before.uniqueId()) || node.relation() == null) {
            return Optional.empty();
        }
        CompilePass compilePass = new CompilePass(engine, scope, environment, CompileCache.empty(),
                snapshot.refRelations(), snapshot.sourceRelations(), new EphemeralModels(List.of(), dialect),
                diagnostics, sharedKey);
        CompilePass.Output output = compilePass.compile(node, false, true);
        if (output == null
                || !java.util.Objects.equals(output.outputColumns().orElse(null), cached.outputColumns())) {
            return Optional.empty();
        }
        ManifestNode compiledModel = node.withCompiledCode(output.sql());
        List<ManifestNode> compiled = new ArrayList<>(List.of(compiledModel));
        for (UnitTestDefinition definition : project.properties().unitTests()) {
            if (definition.model().equals(model.name())) {
                ManifestNode test = tests.unit(definition);
                if (!before.unitTests().contains(test.uniqueId())) {
                    return Optional.empty();
                }
                ManifestNode rendered = unitTestRenderer.render(test, compiledModel);
                Optional<Map<String, ManifestNode>> inputs = rendered == null ? Optional.empty()
                        : inputs(rendered, compiledModel);
                ManifestNode completed = inputs.map(nodes -> unitTests.complete(rendered, nodes, diagnostics))
                        .orElse(null);
                if (completed == null) {
                    return Optional.empty();
                }
                compiled.add(completed);
            }
        }
        return compiled.size() == before.unitTests().size() + 1 ? Optional.of(compiled) : Optional.empty();
    }

    /**
     * The nodes a unit test's inputs stand for, as a full compile gives them to complete it: the tested model, and
     * each enabled model, seed and source table the test gives rows for (their declared columns, and a seed's
     * header, name the rows' columns). Empty when a model's parse result is not in the cache.
     */
    private Optional<Map<String, ManifestNode>> inputs(ManifestNode test, ManifestNode model) {
        Map<String, ManifestNode> nodes = new LinkedHashMap<>();
        nodes.put(model.uniqueId(), model);
        List<?> given = test.details().get("given") instanceof List<?> list ? list : List.of();
        for (Object fixture : given) {
            Object input = fixture instanceof Map<?, ?> map ? map.get("input") : null;
            Optional<Reference> reference = ReferenceExpression.parse(String.valueOf(input));
            if (reference.isEmpty() || reference.get().isRef() && reference.get().name().equals(model.name())) {
                continue;
            }
            List<ManifestNode> found = new ArrayList<>();
            if (reference.get().isRef()) {
                for (ModelFile file : project.models()) {
                    if (file.name().equals(reference.get().name())) {
                        CacheEntry entry = cache.get(file.path());
                        if (entry == null) {
                            return Optional.empty();
                        }
                        found.add(factory.model(file, new ConfigResolver(diagnostics).checked(entry.parsed())));
                    }
                }
                project.seeds().stream().filter(seed -> seed.name().equals(reference.get().name()))
                        .forEach(seed -> found.add(factory.seed(seed, "")));
            } else {
                project.properties().sources().stream()
                        .filter(source -> source.name().equals(reference.get().parts().get(0)))
                        .forEach(source -> found.addAll(factory.sources(source)));
            }
            found.stream().filter(node -> !Boolean.FALSE.equals(node.config().get("enabled")))
                    .forEach(node -> nodes.put(node.uniqueId(), node));
        }
        return Optional.of(nodes);
    }

    /** What a parse pass found that decides the node and its place in the graph: all but the text's checksum. */
    private static ParsedTemplate signature(ParsedTemplate parsed) {
        return new ParsedTemplate("", parsed.references(), parsed.config(), parsed.envVarsRead(),
                parsed.sourceFilesSeen(), parsed.isVolatile());
    }
}
