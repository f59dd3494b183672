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
            case FLOAT -> parseFloat();
            case BOOLEAN -> Boolean.valueOf(text.toLowerCase());
            case NULL -> null;
        };
    }

    /** YAML 1.2 core schema integers: decimal (leading zeros stay decimal), {@code 0o17} octal, {@code 0x1F} hex. */
    private Object parseInteger() {
        String digits = text.replace("_", "");
        boolean negative = digits.startsWith("-");
        String unsigned = digits.startsWith("-") || digits.startsWith("+") ? digits.substring(1) : digits;
        int radix = 10;
        if (unsigned.startsWith("0o")) {
            radix = 8;
            unsigned = unsigned.substring(2);
        } else if (unsigned.startsWith("0x")) {
            radix = 16;
            unsigned = unsigned.substring(2);
        }
        java.math.BigInteger value = new java.math.BigInteger(unsigned, radix);
        value = negative ? value.negate() : value;
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private Double parseFloat() {
        String number = text.replace("_", "").toLowerCase(java.util.Locale.ROOT);
        return switch (number) {
            case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
            case "-.inf" -> Double.NEGATIVE_INFINITY;
            case ".nan" -> Double.NaN;
            default -> Double.valueOf(number);
        };
    }
}
