package dev.quarry.compile;

import java.util.Optional;

import dev.quarry.error.Diagnostic;
import dev.quarry.error.SourceLocation;

/**
 * Checks that compiled SQL parses, with JSqlParser ({@link SqlParse}). A failure is a warning (JSqlParser does not
 * know every engine's syntax), pointing at the template line that produced the failing SQL line where that line can be
 * found.
 */
public final class SqlChecker {

    /** The problem with a model's compiled SQL, or empty when it parses. */
    public Optional<Diagnostic> check(String path, String rawCode, String compiledSql) {
        return check(path, rawCode, compiledSql, SqlParse.of(compiledSql));
    }

    /** The problem a parse of a model's compiled SQL found, or empty when it parsed. */
    Optional<Diagnostic> check(String path, String rawCode, String compiledSql, SqlParse parse) {
        if (parse.parsed()) {
            return Optional.empty();
        }
        SourceLocation location = templateLocation(path, rawCode, compiledSql, parse.line(), parse.column());
        String hint = "the compiled SQL is in target/compiled/" + path + " (line " + parse.line()
                + "); if the engine accepts it, this warning can be ignored without --strict";
        return Optional.of(Diagnostic.warning(location, "SQL does not parse: " + parse.message(), hint));
    }

    /**
     * The template line that printed the failing SQL line: the line with the same text, if exactly one such line
     * exists; otherwise the compiled line number, which matches while a template adds no lines above it.
     */
    static SourceLocation templateLocation(String path, String rawCode, String sql, int sqlLine, int sqlColumn) {
        String[] sqlLines = sql.split("\n", -1);
        String failing = sqlLine - 1 < sqlLines.length ? sqlLines[sqlLine - 1].strip() : "";
        String[] templateLines = rawCode.split("\n", -1);
        int found = -1;
        for (int index = 0; index < templateLines.length && !failing.isEmpty(); index++) {
            if (templateLines[index].strip().equals(failing)) {
                if (found >= 0) {
                    found = -2;
                    break;
                }
                found = index;
            }
        }
        if (found >= 0) {
            return new SourceLocation(path, found + 1, sqlColumn);
        }
        return new SourceLocation(path, Math.min(sqlLine, templateLines.length), found == -2 ? 0 : sqlColumn);
    }
}
