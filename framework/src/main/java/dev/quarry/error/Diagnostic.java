package dev.quarry.error;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in a project, printed as {@code file:line:col: error: message} with an optional indented
 * {@code hint:} line underneath.
 */
public record Diagnostic(Severity severity, SourceLocation location, String message, String hint)
        implements Comparable<Diagnostic> {

    private static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::location)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(SourceLocation location, String message) {
        return new Diagnostic(Severity.ERROR, location, message, null);
    }

    public static Diagnostic error(SourceLocation location, String message, String hint) {
        return new Diagnostic(Severity.ERROR, location, message, hint);
    }

    public static Diagnostic warning(SourceLocation location, String message, String hint) {
        return new Diagnostic(Severity.WARNING, location, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The same problem, now an error: what {@code --strict} does to warnings. */
    public Diagnostic asError() {
        return new Diagnostic(Severity.ERROR, location, message, hint);
    }

    /** The text users see: the location line, then the hint indented on its own line. */
    public String format() {
        String head = location + ": " + severity.label() + ": " + message;
        return hint == null ? head : head + System.lineSeparator() + "  hint: " + hint;
    }

    @Override
    public int compareTo(Diagnostic other) {
        return ORDER.compare(this, other);
    }
}
