package dev.quarry.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.quarry.error.Diagnostics;
import dev.quarry.graph.ResourceType;
import dev.quarry.project.ContentHash;
import dev.quarry.project.ModelFile;
import dev.quarry.project.Project;
import dev.quarry.project.SeedFile;
import dev.quarry.project.UnitTestDefinition;
import dev.quarry.template.Relation;
import dev.quarry.template.RenderEnvironment;
import dev.quarry.template.RenderTrace;
import dev.quarry.template.TemplateEngine;

/**
 * A compile that only recompiles the models whose bodies changed since the last full compile, when nothing else did:
 * every other file, the target, the vars and the environment as they were, and each changed model's refs, sources and
 * in-file config as they were. The other nodes cannot have changed then, so their compiled SQL and manifest entries
 * are kept ({@link CompileSnapshot}); the changed models are rendered and checked as a full compile would. Whenever
 * anything else may differ, it declines, and the caller compiles in full.
 */
public final class QuickRecompile {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(QuickRecompile.class);

    /** More changed models than this are left to the full compile, which renders them in parallel. */
    private static final int MOST_MODELS = 50;

    private final SqlDialect dialect;
    private final UnitTestCompleter unitTests;

    /** @param unitTests completes a changed model's unit tests with their fixtures' rows, as a full compile does */
    public QuickRecompile(SqlDialect dialect, UnitTestCompleter unitTests) {
        this.dialect = dialect;
        this.unitTests = unitTests;
    }

    /**
     * Everything a compile reads but the models' bodies and the environment: the files besides the models (by content),
     * the models' paths, the seeds' and unit test fixture files' content, the target and the vars.
     */
    public static String fingerprint(Project project) {
        List<String> parts = new ArrayList<>();
        parts.add(project.root().toString());
        parts.add(String.valueOf(project.target()));
        parts.add(String.valueOf(project.vars()));
        parts.add(String.valueOf(new TreeMap<>(project.fileHashes())));
        project.models().forEach(model -> parts.add(model.path()));
        for (SeedFile seed : project.seeds()) {
            parts.add(seed.path());
            parts.add(contentHash(project.root().resolve(seed.path())));
        }
        for (UnitTestDefinition test : project.properties().unitTests()) {
            List<UnitTestDefinition.Fixture> fixtures = new ArrayList<>(test.given());
            fixtures.add(test.expect());
            for (UnitTestDefinition.Fixture fixture : fixtures) {
                if (fixture.fixture() != null) {
                    // Where a unit test's fixture file is looked for: the first of these that exists.
                    for (String folder : project.config().testPaths()) {
                        Path file = project.root().resolve(folder).resolve("fixtures").resolve(fixture.fixture()
                                + ".csv");
                        parts.add(file.toString());
                        parts.add(contentHash(file));
                    }
                }
            }
        }
        return Checksums.sha256(parts.toArray(String[]::new));
    }

    private static String contentHash(Path file) {
        try {
            return Files.isRegularFile(file) ? ContentHash.of(Files.readString(file)) : "absent";
        } catch (IOException | RuntimeException unreadable) {
            return "unreadable";
        }
    }

    /**
     * The snapshot a full compile leaves for a later quick one, or empty when a later compile could not be quick: it
     * had warnings (which every compile shows again), or what it compiled used the time of the run or its id.
     *
     * @param cache        the compile cache the compile filled, and saved: a later quick compile compares each
     *                     changed model's parse result and output columns with the ones it holds
     * @param environment  the environment variables the command looked up, with their values
     * @param outputsStamp what says whether the compile's outputs are still as it wrote them
     * @param nodeSpans    where each node lies in the manifest written, by unique id
     * @param summary      the line that counted the project's nodes
     */
    public static Optional<CompileSnapshot> snapshot(CompiledProject compiled, CompileCache cache, String fingerprint,
            Map<String, String> environment, String outputsStamp, CompileSnapshot.Span metadata,
            Map<String, CompileSnapshot.Span> nodeSpans, String summary) {
        if (!compiled.warnings().isEmpty() || compiled.rendered().isVolatile()
                || !compiled.selected().containsAll(compiled.nodes().keySet())) {
            return Optional.empty();
        }
        // What templates rendered in this compile found, and what those taken from the cache found when rendered.
        Map<String, Boolean> sourceFiles = new TreeMap<>(compiled.rendered().sourceFilesSeen());
        Set<String> ephemeral = new HashSet<>();
        Map<String, List<String>> unitTestsByModel = new java.util.HashMap<>();
        Map<String, Relation> refRelations = new LinkedHashMap<>();
        Map<String, Relation> sourceRelations = new LinkedHashMap<>();
        for (ManifestNode node : compiled.nodes().values()) {
            if (node.rawCode() != null && node.type() != ResourceType.UNIT_TEST) {
                CacheEntry entry = cache.get(node.isGenericTest() ? node.uniqueId() : node.path());
                if (entry == null || entry.compiledSql() == null || entry.parsed().isVolatile()) {
                    return Optional.empty();
                }
                sourceFiles.putAll(entry.parsed().sourceFilesSeen());
            }
            if (node.isEphemeral()) {
                ephemeral.add(node.name());
            } else if ((node.type() == ResourceType.MODEL || node.type() == ResourceType.SEED)
                    && node.relation() != null) {
                refRelations.put(node.name(), node.relation());
            } else if (node.type() == ResourceType.SOURCE) {
                sourceRelations.put(node.name(), node.relation());
            } else if (node.type() == ResourceType.UNIT_TEST) {
                unitTestsByModel.computeIfAbsent(String.valueOf(node.details().get("model")),
                        model -> new ArrayList<>()).add(node.uniqueId());
            }
        }
        List<CompileSnapshot.Model> models = new ArrayList<>();
        for (ModelFile model : compiled.project().models()) {
            String id = NodeIds.model(compiled.project().name(), model.name());
            ManifestNode node = compiled.nodes().get(id);
            CompileSnapshot.Span span = nodeSpans.get(id);
            boolean patchable = node != null && span != null && node.compiledCode() != null && !node.isEphemeral()
                    && cache.get(model.path()) != null && node.references().stream()
                            .noneMatch(reference -> reference.isRef() && ephemeral.contains(reference.name()));
            models.add(new CompileSnapshot.Model(model.path(), id, model.contentHash(), patchable,
                    span != null ? span : new CompileSnapshot.Span(0, 0),
                    unitTestsByModel.getOrDefault(model.name(), List.of())));
        }
        return Optional.of(new CompileSnapshot(fingerprint, environment, outputsStamp, metadata, summary,
                compiled.statistics().rendered() + compiled.statistics().cached(), sourceFiles, refRelations,
                sourceRelations, models));
    }

    /** What a parse pass found that decides the node and its place in the graph: all but the text's checksum. */
    private static ParsedTemplate signature(ParsedTemplate parsed) {
        return new ParsedTemplate("", parsed.references(), parsed.config(), parsed.envVarsRead(),
                parsed.sourceFilesSeen(), parsed.isVolatile());
    }

    /**
     * What a quick recompile did.
     *
     * @param changed  the changed models and the unit tests of them (whose compiled SQL, in {@code target/compiled},
     *                 holds the model's), compiled
     * @param models   the snapshot's models with the changed ones' content
     */
    public record Outcome(List<ManifestNode> changed, List<CompileSnapshot.Model> models) {
    }

    /**
     * Recompiles the models whose bodies changed, or declines (empty) when anything else may have changed (files, the
     * environment variables the snapshot's compile looked up, answers of {@code source_has_files}) or a
     * changed model's compile differs from its last one in more than its SQL (its refs, config or output columns,
     * or a warning).
     *
     * @param fingerprint {@link #fingerprint} of the project
     * @param cache       the compile cache the snapshot's compile saved
     */
    public Optional<Outcome> recompile(Project project, String fingerprint, CompileSnapshot snapshot,
            CompileOptions options, CompileCache cache) {
        if (!snapshot.fingerprint().equals(fingerprint) || !options.select().isEmpty()
                || !options.exclude().isEmpty() || !options.renderSql() || !options.existingRelations().isEmpty()
                || project.models().size() != snapshot.models().size()) {
            return declined("files other than model bodies, the target, the vars or the selection changed");
        }
        for (Map.Entry<String, String> variable : snapshot.environment().entrySet()) {
            if (!java.util.Objects.equals(options.environment().get(variable.getKey()), variable.getValue())) {
                return declined("environment variable " + variable.getKey() + " changed");
            }
        }
        List<Integer> changed = new ArrayList<>();
        for (int index = 0; index < project.models().size(); index++) {
            CompileSnapshot.Model before = snapshot.models().get(index);
            ModelFile model = project.models().get(index);
            if (!before.path().equals(model.path())) {
                return declined("models were added, removed or renamed");
            }
            if (!before.contentHash().equals(model.contentHash())) {
                if (!before.patchable() || changed.size() == MOST_MODELS) {
                    return declined(before.patchable() ? "over " + MOST_MODELS + " models changed"
                            : model.path() + " is ephemeral or inlines an ephemeral model");
                }
                changed.add(index);
            }
        }
        ProjectScope scope = new ProjectScope(project, options.environment());
        for (Map.Entry<String, Boolean> seen : snapshot.sourceFiles().entrySet()) {
            boolean same = RenderTrace.sourceTable(seen.getKey())
                    .map(names -> scope.sourceHasFiles(names.get(0), names.get(1)) == seen.getValue())
                    .orElse(false);
            if (!same) {
                return declined("source_has_files('" + seen.getKey() + "') has another answer");
            }
        }
        List<CompileSnapshot.Model> models = new ArrayList<>(snapshot.models());
        List<ManifestNode> compiled = new ArrayList<>();
        Diagnostics diagnostics = new Diagnostics();
        dev.quarry.report.PhaseTimer timer = new dev.quarry.report.PhaseTimer();
        if (!changed.isEmpty()) {
            Changed recompiled = new Changed(project, TemplateEngine.create(project.macros(), diagnostics), scope,
                    options, diagnostics, cache);
            timer.done("starting the template engine");
            for (int index : changed) {
                ModelFile model = project.models().get(index);
                Optional<List<ManifestNode>> nodes = recompiled.compile(model, snapshot.models().get(index),
                        cache.get(model.path()), snapshot);
                if (nodes.isEmpty()) {
                    return declined(model.path() + " changed more than its body (refs, config, output columns), "
                            + "or it or a unit test of it failed");
                }
                compiled.addAll(nodes.get());
                CompileSnapshot.Model before = snapshot.models().get(index);
                models.set(index, before.with(model.contentHash(), before.node()));
            }
        }
        return diagnostics.sorted().isEmpty() ? Optional.of(new Outcome(compiled, models))
                : declined("a changed model has warnings");
    }

    private static Optional<Outcome> declined(String why) {
        LOG.debug("compiling in full: {}", why);
        return Optional.empty();
    }

    /** Renders and checks changed models as the two passes of a full compile do. */
    private final class Changed {

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

        Changed(Project project, TemplateEngine engine, ProjectScope scope, CompileOptions options,
                Diagnostics diagnostics, CompileCache cache) {
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
    }
}
