package dev.quarry.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.quarry.error.Diagnostics;
import dev.quarry.error.ProjectException;
import dev.quarry.template.Relation;
import dev.quarry.template.TemplateEngine;
import dev.quarry.template.TemplateFailure;

/**
 * Renders {@code quarry run-operation NAME --args YAML}: the project macro {@code <#macro NAME ...>} called as a
 * directive with the arguments as named parameters, {@code ref()} and {@code source()} resolving to the target's
 * relations. The output is split into statements on semicolons outside quotes and comments.
 */
public final class OperationRenderer {

    private OperationRenderer() {
    }

    /** The statements the macro renders, in order. */
    public static List<String> render(CompiledProject compiled, String macro, Map<String, Object> arguments) {
        if (!macro.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new dev.quarry.error.UsageException("'" + macro + "' is not a macro name");
        }
        Diagnostics diagnostics = new Diagnostics();
        TemplateEngine engine = TemplateEngine.create(compiled.project().macros(), diagnostics);
        diagnostics.throwIfErrors();
        ProjectScope scope = new ProjectScope(compiled.project(), Map.of());
        Map<String, Relation> refs = new java.util.HashMap<>();
        Map<String, Relation> sources = new java.util.HashMap<>();
        for (ManifestNode node : compiled.nodes().values()) {
            if (node.relation() == null) {
                continue;
            }
            switch (node.type()) {
                case MODEL, SEED -> refs.put(node.name(), node.relation());
                case SOURCE -> sources.put(node.name(), node.relation());
                default -> { }
            }
        }
        Relation schema = new Relation(compiled.project().target().database(), compiled.project().target().schema(),
                "", "");
        String call = "<@" + macro + arguments.entrySet().stream()
                .map(entry -> " " + entry.getKey() + "=" + literal(entry.getValue()))
                .collect(Collectors.joining()) + " />";
        try {
            String sql = engine.render("run-operation " + macro, call, new CompilePassContext(scope, refs, sources,
                    schema, false, name -> false), compiled.environment()).text();
            return statements(sql);
        } catch (TemplateFailure failure) {
            throw new ProjectException(failure.diagnostic());
        }
    }

    /** A FreeMarker literal for a YAML value. */
    private static String literal(Object value) {
        if (value == null) {
            return "''";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(OperationRenderer::literal).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(entry -> literal(String.valueOf(entry.getKey())) + ": "
                    + literal(entry.getValue())).collect(Collectors.joining(", ", "{", "}"));
        }
        return "'" + value.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Splits on semicolons that are not inside quotes or comments; blank statements are dropped. */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        boolean lineComment = false;
        for (int index = 0; index < sql.length(); index++) {
            char character = sql.charAt(index);
            if (lineComment) {
                lineComment = character != '\n';
            } else if (quote != 0) {
                quote = character == quote ? 0 : quote;
            } else if (character == '\'' || character == '"') {
                quote = character;
            } else if (character == '-' && index + 1 < sql.length() && sql.charAt(index + 1) == '-') {
                lineComment = true;
            } else if (character == ';') {
                add(statements, current);
                current.setLength(0);
                continue;
            }
            current.append(character);
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder statement) {
        String text = statement.toString().strip();
        if (!text.isEmpty() && !text.lines().allMatch(line -> line.strip().isEmpty()
                || line.strip().startsWith("--"))) {
            statements.add(text);
        }
    }
}
