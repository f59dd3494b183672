package dev.quarry.compile;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code ref('x')} and {@code source('a', 'b')} strings YAML uses in {@code to:} and {@code depends_on:}. */
final class ReferenceExpression {

    private static final String QUOTED = "\\s*['\"]([^'\"]+)['\"]\\s*";
    private static final Pattern REF = Pattern.compile("^\\s*ref\\(" + QUOTED + "(?:," + QUOTED + ")?\\)\\s*$");
    private static final Pattern SOURCE = Pattern.compile("^\\s*source\\(" + QUOTED + "," + QUOTED + "\\)\\s*$");

    private ReferenceExpression() {
    }

    static Optional<Reference> parse(String text) {
        // Most arguments are plain values; only text holding a call can match (and needs the patterns' work).
        if (text.indexOf('(') < 0) {
            return Optional.empty();
        }
        Matcher ref = REF.matcher(text);
        if (ref.matches()) {
            return Optional.of(ref.group(2) == null ? Reference.ref(null, ref.group(1))
                    : Reference.ref(ref.group(1), ref.group(2)));
        }
        Matcher source = SOURCE.matcher(text);
        if (source.matches()) {
            return Optional.of(Reference.source(source.group(1), source.group(2)));
        }
        return Optional.empty();
    }
}
