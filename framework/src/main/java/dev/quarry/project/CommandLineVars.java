package dev.quarry.project;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.quarry.error.Diagnostic;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.UsageException;

/** Reads {@code --vars '{key: value, ...}'}: a YAML mapping given on the command line. */
public final class CommandLineVars {

    private CommandLineVars() {
    }

    public static Map<String, Object> parse(String yaml) {
        return parse(yaml, "--vars");
    }

    /** The same for another option that takes a YAML mapping ({@code run-operation --args}). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String yaml, String option) {
        if (yaml == null || yaml.isBlank()) {
            return Map.of();
        }
        Diagnostics diagnostics = new Diagnostics();
        Optional<YamlNode> node = YamlParser.parse(yaml, option, diagnostics);
        if (diagnostics.hasErrors()) {
            Diagnostic first = diagnostics.sorted().get(0);
            throw new UsageException(option + " is not valid YAML (column " + first.location().column() + "): "
                    + first.message().replaceFirst("^YAML syntax error: ", "") + "; write it as '{name: value, other: 2}'");
        }
        if (node.isEmpty() || !(node.get() instanceof YamlMap map)) {
            String example = option.equals("--vars") ? "{start_date: \"2024-01-01\"}" : "{name: \"value\"}";
            throw new UsageException(option + " must be a YAML mapping, such as '" + example + "'");
        }
        return new LinkedHashMap<>((Map<String, Object>) map.toPlain());
    }
}
