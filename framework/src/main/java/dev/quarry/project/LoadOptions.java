package dev.quarry.project;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the command line and the environment add to a project's files.
 *
 * @param profilesDir     {@code --profiles-dir}, or null
 * @param homeDir         the user's home, for {@code ~/.quarry/profiles.yml}; null to skip it
 * @param targetName      {@code --target}, or null for the profile's default
 * @param commandLineVars {@code --vars}
 * @param environment     the environment variables {@code env_var()} reads
 */
public record LoadOptions(Path profilesDir, Path homeDir, String targetName, Map<String, Object> commandLineVars,
        Map<String, String> environment) {

    public LoadOptions {
        commandLineVars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(commandLineVars));
        // An observed environment is kept as it is: it notes what the command looks up.
        environment = environment instanceof ObservedEnvironment ? environment : Map.copyOf(environment);
    }

    /** No command-line additions and an empty environment: for tests. */
    public static LoadOptions defaults() {
        return new LoadOptions(null, null, null, Map.of(), Map.of());
    }
}
