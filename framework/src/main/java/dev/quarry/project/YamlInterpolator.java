package dev.quarry.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.quarry.error.Diagnostics;
import dev.quarry.error.SourceLocation;

/**
 * Replaces {@code ${env_var('NAME')}}, {@code ${env_var('NAME', 'default')}}, {@code ${var('name')}} and
 * {@code ${var('name', 'default')}} inside YAML strings. Other {@code ${...}} expressions (a {@code doc()} in a
 * description, {@code target.schema} in a hook) are left for the template stage. Keys whose values are SQL templates
 * rendered later (hooks) are skipped.
 */
final class YamlInterpolator {

    private static final Pattern CALL = Pattern.compile(
            "\\$\\{\\s*(env_var|var)\\(\\s*(['\"])(.*?)\\2\\s*(?:,\\s*(?:(['\"])(.*?)\\4|([-\\w.]+))\\s*)?\\)\\s*}");
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?([0-9]*\\.[0-9]+|[0-9]+\\.?)([eE][-+]?[0-9]+)?");
    private static final Set<String> TEMPLATE_KEYS = Set.of(
            "on-run-start", "on-run-end", "on_run_start", "on_run_end",
            "pre_hook", "post_hook", "pre-hook", "post-hook", "+pre_hook", "+post_hook", "+pre-hook", "+post-hook");

    private final Map<String, String> environment;
    private final Map<String, Object> vars;
    private final boolean varsAllowed;
    private final Diagnostics diagnostics;

    /**
     * @param vars        the project and command-line variables
     * @param varsAllowed false while reading profiles.yml, where only env_var is defined
     */
    YamlInterpolator(Map<String, String> environment, Map<String, Object> vars, boolean varsAllowed,
            Diagnostics diagnostics) {
        this.environment = environment;
        this.vars = vars;
        this.varsAllowed = varsAllowed;
        this.diagnostics = diagnostics;
    }

    YamlNode apply(YamlNode node) {
        if (node instanceof YamlScalar scalar) {
            return scalar(scalar);
        }
        if (node instanceof YamlList list) {
            List<YamlNode> items = new ArrayList<>();
            list.items().forEach(item -> items.add(apply(item)));
            return new YamlList(items, list.location());
        }
        YamlMap map = (YamlMap) node;
        Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
        for (YamlMap.Entry entry : map.entries().values()) {
            YamlNode value = TEMPLATE_KEYS.contains(entry.key()) ? entry.value() : apply(entry.value());
            entries.put(entry.key(), new YamlMap.Entry(entry.key(), entry.keyLocation(), value));
        }
        return new YamlMap(entries, map.location());
    }

    private YamlScalar scalar(YamlScalar scalar) {
        if (scalar.kind() != YamlScalar.Kind.STRING || !scalar.text().contains("${")) {
            return scalar;
        }
        Matcher matcher = CALL.matcher(scalar.text());
        StringBuilder result = new StringBuilder();
        boolean whole = false;
        while (matcher.find()) {
            whole = matcher.start() == 0 && matcher.end() == scalar.text().length();
            String replacement = resolve(matcher, scalar.location());
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        String text = result.toString();
        YamlScalar.Kind kind = whole ? kindOf(text) : YamlScalar.Kind.STRING;
        return new YamlScalar(kind == YamlScalar.Kind.NULL ? null : text, kind, scalar.location());
    }

    private String resolve(Matcher call, SourceLocation location) {
        String function = call.group(1);
        String name = call.group(3);
        String fallback = call.group(5) != null ? call.group(5) : call.group(6);
        if (function.equals("env_var")) {
            String value = environment.get(name);
            if (value != null) {
                return value;
            }
            if (fallback != null) {
                return fallback;
            }
            diagnostics.error(location, "environment variable '" + name + "' is not set",
                    "set it, or give a default: env_var('" + name + "', 'value')");
            return "";
        }
        if (!varsAllowed) {
            diagnostics.error(location, "var('" + name + "') cannot be used in profiles.yml or in vars:",
                    "use env_var('NAME') here");
            return "";
        }
        if (vars.containsKey(name)) {
            return String.valueOf(vars.get(name));
        }
        if (fallback != null) {
            return fallback;
        }
        diagnostics.error(location, "var '" + name + "' has no value and no default",
                "define it under 'vars:' in quarry_project.yml, pass --vars '{" + name + ": ...}', "
                        + "or give a default: var('" + name + "', 'value')");
        return "";
    }

    private static YamlScalar.Kind kindOf(String text) {
        if (INTEGER.matcher(text).matches()) {
            return YamlScalar.Kind.INTEGER;
        }
        if (FLOAT.matcher(text).matches()) {
            return YamlScalar.Kind.FLOAT;
        }
        if (text.matches("true|True|TRUE|false|False|FALSE")) {
            return YamlScalar.Kind.BOOLEAN;
        }
        return text.matches("null|Null|NULL|~") ? YamlScalar.Kind.NULL : YamlScalar.Kind.STRING;
    }
}
