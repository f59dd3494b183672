package dev.quarry.compile;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The template a generic data test compiles from: a call of its macro with the YAML's arguments as FreeMarker literals,
 * for example {@code <@test_not_null model=ref('orders') column_name="id"/>}. A string argument written as
 * {@code ref('x')} or {@code source('a', 'b')} becomes that call, so the macro gets the relation; a {@code where}
 * config narrows the model to {@code (select * from <model> where <condition>) quarry_where}, the condition being
 * template text itself (it may use {@code var()}).
 */
final class GenericTestInvocation {

    private GenericTestInvocation() {
    }

    /**
     * @param attached the tested node as a template expression: {@code ref('orders')} or {@code source('a', 'b')}
     * @param column   the column the test sits under, or null
     * @param where    the {@code where} config, or null
     */
    static String text(String testName, Reference attached, String column, Map<String, Object> arguments,
            String where) {
        StringBuilder text = new StringBuilder();
        String model = call(attached);
        if (where != null && !where.isBlank()) {
            text.append("<#assign quarry_tested_model>(select * from ${").append(model).append("} where ")
                    .append(where).append(") quarry_where</#assign>");
            model = "quarry_tested_model";
        }
        text.append("<@test_").append(testName).append(" model=").append(model);
        if (column != null && !arguments.containsKey("column_name")) {
            text.append(" column_name=").append(literal(column));
        }
        arguments.forEach((name, value) -> {
            if (value != null) {
                text.append(' ').append(name).append('=').append(literal(value));
            }
        });
        return text.append("/>").toString();
    }

    /**
     * A generic test's template with its string literals replaced by {@code quarry_args[i]}: tests that call one macro
     * with arguments of the same names and kinds share one shape, so it is parsed once for all of them.
     *
     * @param text   the template, with {@code quarry_args[0]} ... in place of the literals
     * @param values the literals' values, in order
     */
    record Shape(String text, List<String> values) {

        /** The variable the values are given in. */
        static final String VARIABLE = "quarry_args";
    }

    /**
     * The shape of a template {@link #text} made, or empty for one with a {@code where} condition (template text that
     * is not made of literals this class wrote).
     */
    static java.util.Optional<Shape> shape(String text) {
        if (!text.startsWith("<@test_")) {
            return java.util.Optional.empty();
        }
        StringBuilder shape = new StringBuilder(text.length());
        List<String> values = new java.util.ArrayList<>();
        int index = 0;
        while (index < text.length()) {
            char character = text.charAt(index);
            if (character != '"') {
                shape.append(character);
                index++;
                continue;
            }
            StringBuilder value = new StringBuilder();
            index++;
            while (index < text.length() && text.charAt(index) != '"') {
                char next = text.charAt(index);
                if (next == '\\' && index + 1 < text.length()) {
                    index++;
                    char escaped = text.charAt(index);
                    value.append(switch (escaped) {
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 't' -> '\t';
                        default -> escaped;
                    });
                } else {
                    value.append(next);
                }
                index++;
            }
            if (index >= text.length()) {
                return java.util.Optional.empty();
            }
            index++;
            shape.append(Shape.VARIABLE).append('[').append(values.size()).append(']');
            values.add(value.toString());
        }
        return java.util.Optional.of(new Shape(shape.toString(), List.copyOf(values)));
    }

    /** The references among the arguments ({@code to: "ref('dim_location')"}): the test depends on them too. */
    static List<Reference> argumentReferences(Map<String, Object> arguments) {
        return arguments.values().stream()
                .filter(String.class::isInstance)
                .map(value -> ReferenceExpression.parse((String) value))
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    private static String call(Reference reference) {
        return reference.kind() + "(" + reference.parts().stream().map(GenericTestInvocation::literal)
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String literal(Object value) {
        if (value instanceof String text) {
            return ReferenceExpression.parse(text).map(GenericTestInvocation::call).orElseGet(() -> string(text));
        }
        if (value instanceof Boolean || value instanceof Number) {
            return String.valueOf(value);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> item == null ? "\"\"" : literal(item))
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(entry -> string(String.valueOf(entry.getKey())) + ": "
                            + (entry.getValue() == null ? "\"\"" : literal(entry.getValue())))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return string(String.valueOf(value));
    }

    /** A FreeMarker string literal that prints the text exactly ({@code ${} stays text). */
    private static String string(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char character : text.toCharArray()) {
            switch (character) {
                case '\\' -> literal.append("\\\\");
                case '"' -> literal.append("\\\"");
                case '{' -> literal.append("\\{");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\t' -> literal.append("\\t");
                default -> literal.append(character);
            }
        }
        return literal.append('"').toString();
    }
}
