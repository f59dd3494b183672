package dev.quarry.project;

import java.util.List;
import java.util.Map;

import dev.quarry.error.SourceLocation;

/**
 * What {@code quarry_project.yml} says.
 *
 * @param vars          project variables with {@code --vars} laid over them
 * @param unitTestEngine the embedded engine unit tests run on when the target is not embedded
 * @param profileLocation where the {@code profile:} value is, for errors about the profile
 */
public record ProjectConfig(
        String name,
        String version,
        String profile,
        List<String> modelPaths,
        List<String> macroPaths,
        List<String> seedPaths,
        List<String> testPaths,
        String targetPath,
        Map<String, Object> vars,
        FolderConfigs modelConfigs,
        FolderConfigs seedConfigs,
        FolderConfigs testConfigs,
        List<Hook> onRunStart,
        List<Hook> onRunEnd,
        String unitTestEngine,
        SourceLocation profileLocation,
        SourceLocation location) {

    public ProjectConfig {
        modelPaths = List.copyOf(modelPaths);
        macroPaths = List.copyOf(macroPaths);
        seedPaths = List.copyOf(seedPaths);
        testPaths = List.copyOf(testPaths);
        vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
        onRunStart = List.copyOf(onRunStart);
        onRunEnd = List.copyOf(onRunEnd);
    }
}
