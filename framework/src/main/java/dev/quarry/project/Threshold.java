package dev.quarry.project;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A data test's {@code warn_if} / {@code error_if} condition on its count of failing rows, as dbt writes it:
 * {@code "!=0"}, {@code ">10"}, {@code ">= 5"}, {@code "=0"}, {@code "<100"}.
 */
public record Threshold(String operator, long value) {

    private static final Pattern FORM = Pattern.compile("\\s*(!=|<>|>=|<=|==|=|>|<)\\s*(\\d+)\\s*");

    /** dbt's default for both conditions: any failing row. */
    public static final Threshold ANY_FAILURE = new Threshold("!=", 0);

    /** The condition, or empty when the text is not one. */
    public static Optional<Threshold> parse(String text) {
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String operator = switch (matcher.group(1)) {
            case "<>" -> "!=";
            case "==" -> "=";
            default -> matcher.group(1);
        };
        return Optional.of(new Threshold(operator, Long.parseLong(matcher.group(2))));
    }

    /** Whether a count of failing rows meets the condition. */
    public boolean holdsFor(long count) {
        return switch (operator) {
            case "!=" -> count != value;
            case "=" -> count == value;
            case ">" -> count > value;
            case ">=" -> count >= value;
            case "<" -> count < value;
            case "<=" -> count <= value;
            default -> throw new IllegalStateException("unknown operator " + operator);
        };
    }

    @Override
    public String toString() {
        return operator + " " + value;
    }
}
