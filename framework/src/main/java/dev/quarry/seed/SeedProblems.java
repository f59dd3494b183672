package dev.quarry.seed;

import java.util.ArrayList;
import java.util.List;

import dev.quarry.error.Diagnostic;
import dev.quarry.error.SourceLocation;

/**
 * The errors found in one seed file, at most {@value #SHOWN} of them kept: a column with the wrong declared type
 * would otherwise give a million. What is left out is counted in a last entry.
 */
final class SeedProblems {

    static final int SHOWN = 20;

    private final String path;
    private final List<Diagnostic> kept = new ArrayList<>();
    private SourceLocation firstLeftOut;
    private int leftOut;

    SeedProblems(String path) {
        this.path = path;
    }

    /** An error in the file, at a 1-based line and column (a field's position in its row). */
    void add(int line, int column, String message, String hint) {
        add(Diagnostic.error(new SourceLocation(path, line, column), message, hint));
    }

    /** An error anywhere, such as a config line. */
    void add(Diagnostic diagnostic) {
        if (kept.size() < SHOWN) {
            kept.add(diagnostic);
        } else {
            if (leftOut == 0) {
                firstLeftOut = diagnostic.location();
            }
            leftOut++;
        }
    }

    boolean isEmpty() {
        return kept.isEmpty();
    }

    /** The errors kept, then (at the first one left out) how many more there are. */
    List<Diagnostic> diagnostics() {
        List<Diagnostic> all = new ArrayList<>(kept);
        if (leftOut > 0) {
            all.add(Diagnostic.error(firstLeftOut, "... and " + leftOut + " more error" + (leftOut == 1 ? "" : "s")
                    + " in " + path + " (only the first " + SHOWN + " are shown)"));
        }
        return all;
    }
}
