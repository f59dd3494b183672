package dev.quarry.error;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of a stage, so that users see all of them at once instead of fixing one per run. Safe to
 * share between threads that render models in parallel.
 */
public final class Diagnostics {

    private final List<Diagnostic> entries = new ArrayList<>();

    public synchronized void add(Diagnostic diagnostic) {
        entries.add(diagnostic);
    }

    public synchronized void addAll(List<Diagnostic> diagnostics) {
        entries.addAll(diagnostics);
    }

    public void error(SourceLocation location, String message) {
        add(Diagnostic.error(location, message));
    }

    public void error(SourceLocation location, String message, String hint) {
        add(Diagnostic.error(location, message, hint));
    }

    public void warning(SourceLocation location, String message, String hint) {
        add(Diagnostic.warning(location, message, hint));
    }

    public synchronized boolean hasErrors() {
        return entries.stream().anyMatch(Diagnostic::isError);
    }

    public synchronized int errorCount() {
        return (int) entries.stream().filter(Diagnostic::isError).count();
    }

    /** All entries, sorted by file, line and column; duplicates (the same problem found twice) appear once. */
    public synchronized List<Diagnostic> sorted() {
        return entries.stream().distinct().sorted().toList();
    }

    /** Throws a {@link ProjectException} carrying every entry when any of them is an error. */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new ProjectException(sorted());
        }
    }
}
