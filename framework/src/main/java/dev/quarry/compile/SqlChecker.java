package dev.quarry.compile;

import java.util.Optional;

import dev.quarry.error.Diagnostic;
import dev.quarry.error.SourceLocation;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.parser.TokenMgrException;

/**
 * Checks that compiled SQL parses, with JSqlParser. A failure is a warning (JSqlParser does not know every engine's
 * syntax), pointing at the template line that produced the failing SQL line where that line can be found.
 */
public final class SqlChecker {

    /** The problem with a model's compiled SQL, or empty when it parses. */
    public Optional<Diagnostic> check(String path, String rawCode, String compiledSql) {
        Failure failure = parse(compiledSql, false);
        if (failure != null) {
            failure = parse(compiledSql, true);
        }
        if (failure == null) {
            return Optional.empty();
        }
        SourceLocation location = templateLocation(path, rawCode, compiledSql, failure.line(), failure.column());
        String hint = "the compiled SQL is in target/compiled/" + path + " (line " + failure.line()
                + "); if the engine accepts it, this warning can be ignored without --strict";
        return Optional.of(Diagnostic.warning(location, "SQL does not parse: " + failure.message(), hint));
    }

    private record Failure(int line, int column, String message) {
    }

    private static Failure parse(String sql, boolean complexParsing) {
        CCJSqlParser parser = CCJSqlParserUtil.newParser(stripTrailingSemicolon(sql))
                .withAllowComplexParsing(complexParsing);
        try {
            parser.Statement();
            return null;
        } catch (ParseException syntax) {
            Token token = syntax.currentToken != null && syntax.currentToken.next != null
                    ? syntax.currentToken.next : syntax.currentToken;
            int line = token == null ? 1 : token.beginLine;
            int column = token == null ? 1 : token.beginColumn;
            String image = token == null || token.image == null || token.image.isEmpty() ? "end of input"
                    : "'" + token.image + "'";
            return new Failure(line, column, "unexpected " + image + " at line " + line + ", column " + column);
        } catch (TokenMgrException | Error lexical) {
            return new Failure(1, 1, firstLine(lexical.getMessage()));
        }
    }

    private static String stripTrailingSemicolon(String sql) {
        String trimmed = sql.stripTrailing();
        return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
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

    private static String firstLine(String message) {
        if (message == null) {
            return "the SQL could not be read";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
