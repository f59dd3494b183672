package dev.quarry.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import dev.quarry.error.DidYouMean;
import dev.quarry.error.SourceLocation;

/** Finds {@code profiles.yml} (--profiles-dir, then the project directory, then ~/.quarry/) and reads one target. */
final class ProfileReader {

    static final String FILE = "profiles.yml";

    private final YamlReading reading;
    private final Map<String, String> environment;

    ProfileReader(YamlReading reading, Map<String, String> environment) {
        this.reading = reading;
        this.environment = environment;
    }

    /** The places looked at, in order. */
    static List<Path> candidates(Path projectDir, Path profilesDir, Path homeDir) {
        List<Path> candidates = new ArrayList<>();
        if (profilesDir != null) {
            candidates.add(profilesDir.resolve(FILE));
        }
        candidates.add(projectDir.resolve(FILE));
        if (homeDir != null) {
            candidates.add(homeDir.resolve(".quarry").resolve(FILE));
        }
        return candidates;
    }

    Optional<Target> read(Path projectDir, List<Path> candidates, String profileName, SourceLocation profileKey,
            String targetName) {
        Optional<Path> file = candidates.stream().filter(Files::isRegularFile).findFirst();
        if (file.isEmpty()) {
            reading.diagnostics().error(profileKey, "no profiles.yml found for profile '" + profileName + "'",
                    "create profiles.yml in the project directory (or pass --profiles-dir); looked in: "
                            + String.join(", ", candidates.stream().map(Path::toString).toList()));
            return Optional.empty();
        }
        String label = displayName(projectDir, file.get());
        String text;
        try {
            text = ProjectFiles.readUtf8(file.get(), label, reading.diagnostics()).orElse(null);
        } catch (IOException unreadable) {
            reading.diagnostics().error(SourceLocation.of(label), "cannot read profiles.yml: " + unreadable.getMessage());
            return Optional.empty();
        }
        if (text == null) {
            return Optional.empty();
        }
        return YamlParser.parse(text, label, reading.diagnostics())
                .flatMap(node -> reading.map(node, label))
                .flatMap(root -> target(root, label, profileName, profileKey, targetName));
    }

    private Optional<Target> target(YamlMap root, String label, String profileName, SourceLocation profileKey,
            String requestedTarget) {
        Optional<YamlMap> profile = root.get(profileName).flatMap(node -> reading.map(node, profileName));
        if (profile.isEmpty()) {
            String hint = DidYouMean.hint(profileName, root.entries().keySet());
            reading.diagnostics().error(profileKey, "profile '" + profileName + "' is not in " + label,
                    hint != null ? hint : "add a '" + profileName + ":' entry with 'target:' and 'outputs:' to "
                            + label);
            return Optional.empty();
        }
        Optional<YamlMap> outputs = reading.map(profile.get(), "outputs");
        if (outputs.isEmpty()) {
            reading.diagnostics().error(profile.get().location(), "profile '" + profileName + "' has no outputs",
                    "add 'outputs:' with at least one target");
            return Optional.empty();
        }
        // Only what the run uses is interpolated: another output's env_var() need not be set.
        YamlInterpolator interpolator = new YamlInterpolator(environment, Map.of(), false, reading.diagnostics());
        String targetName = requestedTarget != null ? requestedTarget
                : profile.get().get("target").map(interpolator::apply)
                        .flatMap(node -> reading.string(node, "target")).orElse(null);
        if (targetName == null) {
            reading.diagnostics().error(profile.get().location(), "profile '" + profileName + "' names no target",
                    "add 'target: <name>' or pass --target");
            return Optional.empty();
        }
        Optional<YamlNode> outputNode = outputs.get().get(targetName);
        if (outputNode.isEmpty()) {
            String hint = DidYouMean.hint(targetName, outputs.get().entries().keySet());
            SourceLocation where = requestedTarget == null
                    ? profile.get().get("target").map(YamlNode::location).orElse(outputs.get().location())
                    : SourceLocation.of("--target");
            reading.diagnostics().error(where, "target '" + targetName + "' is not an output of "
                    + "profile '" + profileName + "'", hint != null ? hint
                    : "use one of the profile's outputs (with --target or 'target:'): "
                    + String.join(", ", new TreeSet<>(outputs.get().entries().keySet())));
            return Optional.empty();
        }
        return reading.map(interpolator.apply(outputNode.get()), targetName)
                .flatMap(output -> output(output, profileName, targetName));
    }

    @SuppressWarnings("unchecked")
    private Optional<Target> output(YamlMap output, String profileName, String targetName) {
        Optional<String> type = reading.requiredString(output, "type", "target '" + targetName + "'");
        if (type.isEmpty()) {
            return Optional.empty();
        }
        if (!Target.ENGINES.contains(type.get())) {
            String hint = DidYouMean.hint(type.get(), Target.ENGINES);
            reading.diagnostics().error(output.get("type").orElseThrow().location(), "unknown engine type '"
                    + type.get() + "'", hint != null ? hint : "use duckdb, h2 or bigquery");
            return Optional.empty();
        }
        boolean bigQuery = type.get().equals("bigquery");
        String schema = reading.string(output, bigQuery ? "dataset" : "schema")
                .or(() -> reading.string(output, "schema"))
                .orElse(bigQuery ? null : type.get().equals("h2") ? "public" : "main");
        if (schema == null) {
            reading.diagnostics().error(output.location(), "target '" + targetName + "' has no dataset",
                    "add 'dataset: <name>'");
            return Optional.empty();
        }
        String database = reading.string(output, bigQuery ? "project" : "database").orElse(null);
        int threads = reading.integer(output, "threads").map(Long::intValue).orElse(4);
        if (threads < 1) {
            reading.diagnostics().error(output.get("threads").orElseThrow().location(), "threads must be at least 1");
            threads = 1;
        }
        return Optional.of(new Target(profileName, targetName, type.get(), schema, database, threads,
                (Map<String, Object>) output.toPlain(), output.location()));
    }

    private static String displayName(Path projectDir, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path root = projectDir.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
    }
}
