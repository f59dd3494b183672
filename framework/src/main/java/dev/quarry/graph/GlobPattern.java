package dev.quarry.graph;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A shell-style pattern as selectors use it: {@code *} matches any run of characters except {@code /}, {@code **}
 * any run including {@code /} ({@code **}{@code /} also matches no folder at all), {@code ?} one character except
 * {@code /}; everything else matches itself. Matching is
 * case-sensitive, as in dbt. A value without wildcards is an exact match.
 */
final class GlobPattern {

    private final Pattern regex;

    private GlobPattern(Pattern regex) {
        this.regex = regex;
    }

    static GlobPattern of(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int index = 0; index < glob.length(); index++) {
            char character = glob.charAt(index);
            if (character != '*' && character != '?') {
                literal.append(character);
                continue;
            }
            if (!literal.isEmpty()) {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
            }
            if (character == '?') {
                regex.append("[^/]");
            } else if (glob.startsWith("**/", index)) {
                regex.append("(?:.*/)?");
                index += 2;
            } else if (glob.startsWith("**", index)) {
                regex.append(".*");
                index++;
            } else {
                regex.append("[^/]*");
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return new GlobPattern(Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    boolean matches(String text) {
        return text != null && regex.matcher(text).matches();
    }

    /**
     * Whether the pattern matches the first {@code k} parts joined by {@code separator}, for some {@code k >= 1}: a
     * folder of a path ({@code models/staging} of {@code models/staging/a.sql}) or a prefix of a dotted name.
     */
    boolean matchesLeadingParts(List<String> parts, String separator) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            if (!joined.isEmpty()) {
                joined.append(separator);
            }
            joined.append(part);
            if (matches(joined.toString())) {
                return true;
            }
        }
        return false;
    }
}
