package dev.quarry.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.quarry.error.Diagnostics;
import dev.quarry.project.ContentHash;
import dev.quarry.project.ModelFile;
import dev.quarry.project.Project;
import dev.quarry.project.SeedFile;
import dev.quarry.project.UnitTestDefinition;
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
                return declined("source_has_files('" + String.join("', '", RenderTrace.sourceTable(seen.getKey())
                        .orElse(List.of(seen.getKey()))) + "') has another answer");
            }
        }
        List<CompileSnapshot.Model> models = new ArrayList<>(snapshot.models());
        List<ManifestNode> compiled = new ArrayList<>();
        Diagnostics diagnostics = new Diagnostics();
        dev.quarry.report.PhaseTimer timer = new dev.quarry.report.PhaseTimer();
        if (!changed.isEmpty()) {
            ChangedModelCompiler recompiled = new ChangedModelCompiler(project, dialect, unitTests,
                    TemplateEngine.create(project.macros(), diagnostics), scope, options, diagnostics, cache);
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
}
