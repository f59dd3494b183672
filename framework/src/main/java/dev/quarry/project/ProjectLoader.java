package dev.quarry.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import dev.quarry.error.Diagnostics;
import dev.quarry.error.ProjectException;
import dev.quarry.error.SourceLocation;
import dev.quarry.parallel.BalancedParallel;
import dev.quarry.report.PhaseTimer;

/**
 * Loads a project from its directory: the project file, the profile's target, and every model, macro, seed, test,
 * properties and doc file. Every problem found is collected; {@link #load} throws a {@link ProjectException} with all
 * of them when any is an error.
 */
public final class ProjectLoader {

    private final LoadOptions options;
    private final String cacheBuild;
    private YamlCache yamlCache;
    /** The {@link ContentHash} of every file this load read but the models, by path. */
    private final Map<String, String> fileHashes = new java.util.concurrent.ConcurrentHashMap<>();

    public ProjectLoader(LoadOptions options) {
        this(options, null);
    }

    /**
     * @param cacheBuild names the build of Quarry, to keep parsed properties files in the target directory between
     *                   runs ({@link YamlCache}); null to parse every file every time
     */
    public ProjectLoader(LoadOptions options, String cacheBuild) {
        this.options = options;
        this.cacheBuild = cacheBuild;
    }

    /**
     * Loads the project, reporting warnings to the given diagnostics and throwing when there are errors. Loading
     * errors are reported before any template is rendered: a broken properties file would otherwise make every
     * {@code source()} that it declares look unknown.
     */
    public Project load(Path root, Diagnostics diagnostics) {
        return load(root, diagnostics, targetDir -> { });
    }

    /**
     * Loads the project (see {@link #load(Path, Diagnostics)}).
     *
     * @param onTargetDir given the project's target directory as soon as the project file is read, so that a caller
     *                    can start reading what it keeps there while the rest of the project loads
     */
    public Project load(Path root, Diagnostics diagnostics, java.util.function.Consumer<Path> onTargetDir) {
        YamlReading reading = new YamlReading(diagnostics);
        Path projectFile = root.resolve(ProjectConfigReader.FILE);
        if (!Files.isRegularFile(projectFile)) {
            diagnostics.error(SourceLocation.of(ProjectConfigReader.FILE), "no " + ProjectConfigReader.FILE
                    + " in " + root.toAbsolutePath().normalize(),
                    "run quarry from a project directory or pass --project-dir");
            diagnostics.throwIfErrors();
        }
        ProjectConfig config = read(root, ProjectConfigReader.FILE, diagnostics)
                .flatMap(text -> new ProjectConfigReader(reading, options.environment(), options.commandLineVars())
                        .read(text))
                .orElse(null);
        if (config == null) {
            diagnostics.throwIfErrors();
        }
        Objects.requireNonNull(config);
        Path targetDir = root.resolve(config.targetPath());
        onTargetDir.accept(targetDir);
        SourceLocation profileKey = config.profileLocation();
        Target target = new ProfileReader(reading, options.environment())
                .read(root, ProfileReader.candidates(root, options.profilesDir(), options.homeDir()),
                        config.profile(), profileKey, options.targetName())
                .orElse(null);
        try {
            PhaseTimer timer = new PhaseTimer();
            FileListing files = new FileListing(root);
            List<ModelFile> models = models(root, files, config, diagnostics);
            timer.done("reading model files");
            List<MacroFile> macros = files.find(config.macroPaths(), ".ftl").stream()
                    .flatMap(path -> read(root, path, diagnostics).map(text -> new MacroFile(path, text))
                            .stream())
                    .toList();
            List<SeedFile> seeds = seeds(files, config);
            List<SingularTestFile> tests = singularTests(root, files, config, diagnostics);
            yamlCache = cacheBuild == null ? null : YamlCache.load(targetDir, cacheBuild);
            timer.done("reading macros, seeds, tests and the YAML cache");
            ProjectProperties properties = properties(root, files, config, reading);
            timer.done("reading properties files");
            saveYamlCache(targetDir);
            Map<String, DocBlock> docs = docs(root, files, config, diagnostics);
            checkUniqueNames(models, seeds, diagnostics);
            diagnostics.throwIfErrors();
            return new Project(root, config, target, config.vars(), models, macros, seeds, tests, properties, docs,
                    fileHashes);
        } catch (IOException unreadable) {
            diagnostics.error(SourceLocation.of("."), "cannot list the project's files: " + unreadable.getMessage());
            throw new ProjectException(diagnostics.sorted());
        }
    }

    private List<ModelFile> models(Path root, FileListing files, ProjectConfig config, Diagnostics diagnostics)
            throws IOException {
        List<ModelFile> models = new ArrayList<>();
        for (String folder : config.modelPaths()) {
            List<String> paths = files.find(List.of(folder), ".sql");
            paths.parallelStream()
                    .map(path -> ProjectFiles.read(root, path, diagnostics).flatMap(text -> model(folder, path, text,
                            diagnostics)))
                    .toList()
                    .forEach(model -> model.ifPresent(models::add));
        }
        return models;
    }

    private static Optional<ModelFile> model(String folder, String path, String text, Diagnostics diagnostics) {
        if (text.isBlank()) {
            diagnostics.error(new SourceLocation(path, 1, 1), "the model is empty",
                    "write one SELECT statement, or delete the file");
            return Optional.empty();
        }
        return Optional.of(new ModelFile(ProjectFiles.stem(path), path, ProjectFiles.foldersUnder(folder, path), text));
    }

    private static List<SeedFile> seeds(FileListing files, ProjectConfig config) throws IOException {
        List<SeedFile> seeds = new ArrayList<>();
        for (String folder : config.seedPaths()) {
            for (String path : files.find(List.of(folder), ".csv")) {
                seeds.add(new SeedFile(ProjectFiles.stem(path), path, ProjectFiles.foldersUnder(folder, path)));
            }
        }
        return seeds;
    }

    private List<SingularTestFile> singularTests(Path root, FileListing files, ProjectConfig config,
            Diagnostics diagnostics) throws IOException {
        List<SingularTestFile> tests = new ArrayList<>();
        for (String folder : config.testPaths()) {
            for (String path : files.find(List.of(folder), ".sql")) {
                read(root, path, diagnostics).ifPresent(text -> tests.add(new SingularTestFile(
                        ProjectFiles.stem(path), path, ProjectFiles.foldersUnder(folder, path), text)));
            }
        }
        return tests;
    }

    private ProjectProperties properties(Path root, FileListing listing, ProjectConfig config, YamlReading reading)
            throws IOException {
        List<String> folders = new ArrayList<>(config.modelPaths());
        folders.addAll(config.seedPaths());
        folders.addAll(config.testPaths());
        List<String> files = listing.find(folders.stream().distinct().toList(), ".yml", ".yaml");
        YamlInterpolator interpolator = new YamlInterpolator(options.environment(), config.vars(), true,
                reading.diagnostics());
        // Reading and parsing YAML is the slow part of loading a large project: done in parallel, per file (balanced:
        // files differ much in size).
        List<Map.Entry<String, Optional<YamlNode>>> documents = BalancedParallel.map(files,
                path -> Map.entry(path, read(root, path, reading.diagnostics())
                        .flatMap(text -> parseYaml(path, text, reading.diagnostics()))
                        .map(interpolator::apply)));
        if (yamlCache != null) {
            yamlCache.retainOnly(files);
        }
        PropertiesReader reader = new PropertiesReader(reading);
        for (Map.Entry<String, Optional<YamlNode>> document : documents) {
            document.getValue().ifPresent(node -> reader.read(node, document.getKey()));
        }
        return reader.result();
    }

    private void saveYamlCache(Path targetDir) {
        if (yamlCache == null) {
            return;
        }
        try {
            yamlCache.saveIfChanged(targetDir, cacheBuild);
        } catch (IOException ignored) {
            // A cache that cannot be written only costs time on the next run.
        }
    }

    private Optional<YamlNode> parseYaml(String path, String text, Diagnostics diagnostics) {
        String hash = fileHashes.get(path);
        YamlNode cached = yamlCache == null ? null : yamlCache.get(path, hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        Diagnostics own = new Diagnostics();
        Optional<YamlNode> parsed = YamlParser.parse(text, path, own);
        diagnostics.addAll(own.sorted());
        if (yamlCache != null && parsed.isPresent() && own.sorted().isEmpty()) {
            yamlCache.put(path, hash, parsed.get());
        }
        return parsed;
    }

    private Map<String, DocBlock> docs(Path root, FileListing files, ProjectConfig config,
            Diagnostics diagnostics) throws IOException {
        Map<String, DocBlock> docs = new HashMap<>();
        for (String path : files.find(config.modelPaths(), ".md")) {
            read(root, path, diagnostics)
                    .ifPresent(text -> DocBlockReader.read(text, path, docs, diagnostics));
        }
        return docs;
    }

    /** Reads a file that is not a model, noting its {@link ContentHash}. */
    private Optional<String> read(Path root, String path, Diagnostics diagnostics) {
        Optional<String> text = ProjectFiles.read(root, path, diagnostics);
        text.ifPresent(content -> fileHashes.put(path, ContentHash.of(content)));
        return text;
    }

    private static void checkUniqueNames(List<ModelFile> models, List<SeedFile> seeds, Diagnostics diagnostics) {
        Map<String, String> firstPath = new TreeMap<>();
        for (ModelFile model : models) {
            claim(model.name(), model.path(), firstPath, diagnostics);
        }
        for (SeedFile seed : seeds) {
            claim(seed.name(), seed.path(), firstPath, diagnostics);
        }
    }

    private static void claim(String name, String path, Map<String, String> firstPath, Diagnostics diagnostics) {
        String other = firstPath.putIfAbsent(name, path);
        if (other != null) {
            diagnostics.error(new SourceLocation(path, 1, 1), "two models or seeds are named '" + name + "': " + other
                    + " and " + path, "rename one of the files; names must be unique in a project");
        }
    }
}
