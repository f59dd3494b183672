package dev.quarry.project;

import dev.quarry.error.SourceLocation;

/**
 * A scalar as YAML 1.2's core schema resolves it.
 *
 * @param text the text as written (null for a YAML null)
 * @param kind what the text resolved to
 */
public record YamlScalar(String text, Kind kind, SourceLocation location) implements YamlNode {

    /** What a scalar resolved to. */
    public enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    @Override
    public String describe() {
        return switch (kind) {
            case STRING -> "the string '" + text + "'";
            case INTEGER, FLOAT -> "the number " + text;
            case BOOLEAN -> "the boolean " + text;
            case NULL -> "null";
        };
    }

    @Override
    public Object toPlain() {
        return switch (kind) {
            case STRING -> text;
            case INTEGER -> parseInteger();
            case FLOAT -> Double.valueOf(text.replace("_", ""));
            case BOOLEAN -> Boolean.valueOf(text.toLowerCase());
            case NULL -> null;
        };
    }

    private Object parseInteger() {
        String digits = text.replace("_", "");
        try {
            return Long.decode(digits);
        } catch (NumberFormatException tooLarge) {
            return new java.math.BigInteger(digits);
        }
    }
}
