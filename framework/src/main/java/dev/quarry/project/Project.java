package dev.quarry.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded project: every file read and every YAML value checked, nothing rendered yet.
 *
 * @param vars the project's variables with {@code --vars} laid over them
 * @param docs doc blocks by name
 * @param fileHashes the {@link ContentHash} of every file read but the models (the project file, macros, tests,
 *                   properties and docs), by path
 */
public record Project(
        Path root,
        ProjectConfig config,
        Target target,
        Map<String, Object> vars,
        List<ModelFile> models,
        List<MacroFile> macros,
        List<SeedFile> seeds,
        List<SingularTestFile> singularTests,
        ProjectProperties properties,
        Map<String, DocBlock> docs,
        Map<String, String> fileHashes) {

    public Project {
        vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
        models = List.copyOf(models);
        macros = List.copyOf(macros);
        seeds = List.copyOf(seeds);
        singularTests = List.copyOf(singularTests);
        docs = Map.copyOf(docs);
        fileHashes = Map.copyOf(fileHashes);
    }

    public String name() {
        return config.name();
    }

    /** Where Quarry writes: {@code target/} unless the project file says otherwise. */
    public Path targetDir() {
        return root.resolve(config.targetPath());
    }
}
