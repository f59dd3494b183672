package dev.quarry.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command takes, before or after the command's name. */
final class GlobalOptions {

    @Option(names = "--project-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            defaultValue = "${env:QUARRY_PROJECT_DIR:-.}",
            description = "The project directory (default: QUARRY_PROJECT_DIR, else the current directory).")
    Path projectDir;

    @Option(names = "--profiles-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Where profiles.yml is (default: the project directory, then ~/.quarry/).")
    Path profilesDir;

    @Option(names = {"-t", "--target"}, scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "The profile's output to use (default: the profile's 'target').")
    String target;

    @Option(names = "--vars", scope = ScopeType.INHERIT, paramLabel = "YAML",
            description = "Variables for var(), as a YAML mapping: '{start_date: \"2024-01-01\"}'.")
    String vars;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show stack traces and debug logs.")
    boolean debug;

    @Option(names = "--log-format", scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "text (default) or json: one JSON object per line.")
    LogFormat logFormat = LogFormat.text;

    /** The output formats of {@code --log-format}. */
    enum LogFormat { text, json }
}
