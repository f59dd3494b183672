package dev.quarry.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import dev.quarry.error.Diagnostics;
import dev.quarry.error.SourceLocation;
import dev.quarry.graph.ModelGraph;
import dev.quarry.graph.NodeSelector;
import dev.quarry.graph.ResourceType;
import dev.quarry.parallel.BalancedParallel;
import dev.quarry.project.MacroFile;
import dev.quarry.project.Project;
import dev.quarry.project.SingularTestFile;
import dev.quarry.template.Relation;
import dev.quarry.template.RenderEnvironment;
import dev.quarry.template.TemplateEngine;

/**
 * Compiles a loaded project for one engine: parse pass, nodes and graph, selection, compile pass and SQL checks.
 * Pure: it reads the project and the cache and never connects to an engine. Every error of the project is collected;
 * when there are any, it throws them all together.
 */
public final class Compiler {

    private static final Pattern SCHEMA_RULE = Pattern.compile("<#function\\s+generate_schema_name\\b");

    private final SqlDialect dialect;
    private final CompileCache cache;
    private final UnitTestCompleter unitTests;

    public Compiler(SqlDialect dialect, CompileCache cache) {
        this(dialect, cache, UnitTestCompleter.NONE);
    }

    /** @param unitTests completes each rendered unit test with its fixtures' rows */
    public Compiler(SqlDialect dialect, CompileCache cache, UnitTestCompleter unitTests) {
        this.dialect = dialect;
        this.cache = cache;
        this.unitTests = unitTests;
    }

    public CompiledProject compile(Project project, CompileOptions options, Diagnostics diagnostics) {
        return compile(project, options, diagnostics, node -> { });
    }

    /**
     * Compiles, handing each node to {@code onCompiled} as soon as its SQL is compiled (from several threads), so
     * that a caller can write files while the rest compiles.
     */
    public CompiledProject compile(Project project, CompileOptions options, Diagnostics diagnostics,
            java.util.function.Consumer<ManifestNode> onCompiled) {
        dev.quarry.report.PhaseTimer timer = new dev.quarry.report.PhaseTimer();
        TemplateEngine engine = TemplateEngine.create(project.macros(), diagnostics);
        ProjectScope scope = new ProjectScope(project, options.environment());
        RenderEnvironment environment = new RenderEnvironment(targetForTemplates(project), options.runStartedAt(),
                options.invocationId());
        String sharedKey = sharedKey(project);
        ParsePass parsePass = new ParsePass(engine, scope, environment, cache, sharedKey, diagnostics);

        // A template that failed is reported and has no entry; the errors of every template are thrown together.
        List<ParsedTemplate> parsedList = BalancedParallel.map(project.models(),
                model -> parsePass.parse(model.path(), model.name(), model.rawCode(), true));
        ConfigResolver configResolver = new ConfigResolver(diagnostics);
        Map<String, ParsedTemplate> parsedModels = new HashMap<>();
        for (int index = 0; index < parsedList.size(); index++) {
            ParsedTemplate parsed = parsedList.get(index);
            if (parsed != null) {
                parsedModels.put(project.models().get(index).path(), configResolver.checked(parsed));
            }
        }
        Map<String, ParsedTemplate> parsedTests = new HashMap<>();
        for (SingularTestFile test : project.singularTests()) {
            ParsedTemplate parsed = parsePass.parse(test.path(), test.name(), test.rawCode(), false);
            if (parsed != null) {
                parsedTests.put(test.path(), configResolver.checked(parsed));
            }
        }
        diagnostics.throwIfErrors();
        timer.done("parse pass");

        RelationNamer namer = new RelationNamer(dialect, project.target(), schemaRule(project, engine, environment,
                scope));
        DescriptionRenderer descriptions = new DescriptionRenderer(engine, scope, environment, diagnostics);
        NodeFactory nodeFactory = new NodeFactory(project, namer, dialect, descriptions, diagnostics);
        GraphBuilder builder = new ProjectNodes(project, nodeFactory, new TestNodeFactory(project, engine,
                diagnostics), descriptions, diagnostics).assemble(parsedModels, parsedTests);
        timer.done("nodes");
        ModelGraph graph = builder.build();
        diagnostics.throwIfErrors();
        timer.done("graph");

        Set<String> selected = new NodeSelector().select(graph, options.select(), options.exclude());
        timer.done("selection");
        Map<String, ManifestNode> nodes = new LinkedHashMap<>(builder.nodes());
        EphemeralModels ephemerals = new EphemeralModels(nodes.values(), dialect);
        if (!ephemerals.isEmpty()) {
            nodes.replaceAll((id, node) -> node.isEphemeral() ? node.withoutRelation() : node);
        }
        AtomicInteger rendered = new AtomicInteger();
        AtomicInteger fromCache = new AtomicInteger();
        Map<String, Optional<List<String>>> outputColumns = new ConcurrentHashMap<>();
        Map<String, Relation> refs = refRelations(nodes, ephemerals);
        Map<String, Relation> sources = sourceRelations(nodes);
        CompilePass compilePass = new CompilePass(engine, scope, environment, cache, refs, sources, ephemerals,
                diagnostics, sharedKey);
        HookRenderer hooks = new HookRenderer(engine, scope, environment, refs, sources, diagnostics,
                (node, kind, index) -> hookLocation(nodeFactory, node, parsedModels.get(node.path()), kind, index));
        List<ManifestNode> toCompile = !options.renderSql() ? List.of() : selected.stream()
                .map(nodes::get)
                .filter(node -> node.rawCode() != null)
                .toList();
        // Ephemeral models first, selected or not (those not selected are compiled only to be inlined: not counted,
        // written or reported), each wave after the ones it inlines; then all the others.
        // Balanced: the models, which cost far more than the tests, come first in graph order.
        for (List<ManifestNode> wave : ephemerals.waves(toCompile)) {
            BalancedParallel.map(wave, listed -> {
                ManifestNode node = nodes.get(listed.uniqueId()); // the instance without a relation
                boolean isSelected = selected.contains(node.uniqueId());
                boolean incremental = isIncremental(node, options);
                CompilePass.Output output = compilePass.compile(node, incremental, isSelected);
                if (output == null) {
                    return node;
                }
                ephemerals.compiled(node, output.ownSql());
                if (!isSelected) {
                    return null;
                }
                (output.fromCache() ? fromCache : rendered).incrementAndGet();
                outputColumns.put(node.uniqueId(), output.outputColumns());
                ManifestNode compiledNode = hooks.withRenderedHooks(node.withCompiledCode(output.sql()), incremental);
                onCompiled.accept(compiledNode);
                return compiledNode;
            }).stream()
                    .filter(java.util.Objects::nonNull)
                    .forEach(node -> nodes.put(node.uniqueId(), node));
        }
        if (options.renderSql()) {
            // Seeds have no SQL of their own, but their hooks run around the load as a model's do around its build.
            selected.stream().map(nodes::get).filter(node -> node.type() == ResourceType.SEED)
                    .forEach(seed -> nodes.put(seed.uniqueId(), hooks.withRenderedHooks(seed, false)));
            renderUnitTests(new UnitTestRenderer(engine, scope, unitTestEnvironment(environment, unitTests),
                    diagnostics), nodes, selected, diagnostics, onCompiled);
        }
        if (options.renderSql()) {
            new TestedColumns(diagnostics, outputColumns).check(nodes, selected);
            new ModelContracts(diagnostics, outputColumns, model -> nodeFactory.configLocation(model,
                    parsedModels.get(model.path()), "contract"), nodeFactory::constraints, dialect.type())
                    .check(nodes, selected);
        }
        // Taken before the project's hooks are rendered: they are not part of the nodes.
        dev.quarry.template.RenderTrace outsideReads = engine.everythingRead();
        List<String> onRunStart = options.renderSql()
                ? hooks.renderProjectHooks(project.config().onRunStart(), "on-run-start") : List.of();
        List<String> onRunEnd = options.renderSql()
                ? hooks.renderProjectHooks(project.config().onRunEnd(), "on-run-end") : List.of();
        diagnostics.throwIfErrors();
        timer.done("compile pass");
        cache.retainOnly(pathsOf(project, nodes.values()));
        return new CompiledProject(project, dialect.type(), environment, graph, nodes, selected,
                diagnostics.sorted(), new CompiledProject.Statistics(rendered.get(), fromCache.get()), onRunStart,
                onRunEnd, outsideReads);
    }

    /** Renders each selected unit test's model with its given inputs (their rows are written in later). */
    private void renderUnitTests(UnitTestRenderer renderer, Map<String, ManifestNode> nodes, Set<String> selected,
            Diagnostics diagnostics, java.util.function.Consumer<ManifestNode> onCompiled) {
        Map<String, ManifestNode> models = new HashMap<>();
        nodes.values().stream().filter(node -> node.type() == ResourceType.MODEL)
                .forEach(model -> models.put(model.name(), model));
        List<ManifestNode> tests = selected.stream().map(nodes::get)
                .filter(node -> node.type() == ResourceType.UNIT_TEST)
                .toList();
        tests.parallelStream()
                .map(test -> renderer.render(test, models.get(String.valueOf(test.details().get("model")))))
                .filter(java.util.Objects::nonNull)
                .map(test -> unitTests.complete(test, nodes, diagnostics))
                .filter(java.util.Objects::nonNull)
                .toList()
                .forEach(test -> {
                    nodes.put(test.uniqueId(), test);
                    onCompiled.accept(test);
                });
    }

    /** What unit tests' models see: the target, as the engine the tests run on. */
    static RenderEnvironment unitTestEnvironment(RenderEnvironment environment, UnitTestCompleter unitTests) {
        String type = unitTests.engineType();
        if (type == null || type.equals(environment.target().get("type"))) {
            return environment;
        }
        Map<String, Object> target = new LinkedHashMap<>(environment.target());
        target.put("type", type);
        return new RenderEnvironment(target, environment.runStartedAt(), environment.invocationId());
    }

    /** Where a model's or seed's {@code index}th hook of a kind is set (its file when that is not known). */
    private static SourceLocation hookLocation(NodeFactory factory, ManifestNode node, ParsedTemplate parsed,
            String kind, int index) {
        List<SourceLocation> locations = factory.hookLocations(node, parsed, kind);
        return index < locations.size() ? locations.get(index) : SourceLocation.of(node.path());
    }

    private static boolean isIncremental(ManifestNode node, CompileOptions options) {
        return !options.fullRefresh() && "incremental".equals(node.materialized()) && node.relation() != null
                && options.existingRelations().contains(node.relation().rendered());
    }

    /** What ref() prints: the relation of a model or seed, the CTE name of an ephemeral model. */
    private static Map<String, Relation> refRelations(Map<String, ManifestNode> nodes, EphemeralModels ephemerals) {
        Map<String, Relation> relations = new HashMap<>();
        for (ManifestNode node : nodes.values()) {
            if (node.type() == ResourceType.MODEL || node.type() == ResourceType.SEED) {
                relations.put(node.name(), node.isEphemeral() ? ephemerals.relation(node.name()) : node.relation());
            }
        }
        return relations;
    }

    private static Map<String, Relation> sourceRelations(Map<String, ManifestNode> nodes) {
        Map<String, Relation> relations = new HashMap<>();
        for (ManifestNode node : nodes.values()) {
            if (node.type() == ResourceType.SOURCE) {
                relations.put(node.name(), node.relation());
            }
        }
        return relations;
    }

    static RelationNamer.SchemaNameRule schemaRule(Project project, TemplateEngine engine,
            RenderEnvironment environment, ProjectScope scope) {
        boolean defined = project.macros().stream().anyMatch(macro -> SCHEMA_RULE.matcher(macro.text()).find());
        if (!defined) {
            return null;
        }
        return (customSchema, nodeName) -> {
            String call = "${generate_schema_name(" + (customSchema == null ? "''" : quote(customSchema)) + ", "
                    + quote(nodeName) + ")?trim}";
            try {
                return engine.render(call, call, new ParsePassContext(scope, nodeName),
                        environment).text();
            } catch (dev.quarry.template.TemplateFailure failure) {
                throw new dev.quarry.error.ProjectException(failure.diagnostic());
            }
        };
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static Map<String, Object> targetForTemplates(Project project) {
        Map<String, Object> target = new LinkedHashMap<>();
        project.target().settings().forEach((key, value) -> {
            if (value != null && !key.contains("password") && !key.contains("keyfile_json")) {
                target.put(key, value);
            }
        });
        target.put("name", project.target().name());
        target.put("type", project.target().type());
        target.put("schema", project.target().schema());
        target.put("threads", project.target().threads());
        target.put("profile_name", project.target().profileName());
        if (project.target().database() != null) {
            target.put("database", project.target().database());
        }
        return target;
    }

    /** What every template may read: macro files, vars and the target; a change to any of them re-renders all. */
    static String sharedKey(Project project) {
        List<String> parts = new ArrayList<>();
        for (MacroFile macro : project.macros()) {
            parts.add(macro.path());
            parts.add(macro.text());
        }
        parts.add(String.valueOf(new TreeMap<>(project.vars())));
        parts.add(String.valueOf(new TreeMap<>(targetForTemplates(project))));
        parts.add(project.name());
        new TreeMap<>(project.docs()).forEach((name, doc) -> {
            parts.add(name);
            parts.add(doc.text());
        });
        return Checksums.sha256(parts.toArray(String[]::new));
    }

    /** What the cache keeps entries under: template files, and generic tests' unique ids. */
    private static Set<String> pathsOf(Project project, java.util.Collection<ManifestNode> nodes) {
        Set<String> paths = new java.util.HashSet<>();
        nodes.stream().filter(ManifestNode::isGenericTest).forEach(test -> paths.add(test.uniqueId()));
        project.models().forEach(model -> paths.add(model.path()));
        project.singularTests().forEach(test -> paths.add(test.path()));
        return paths;
    }
}
