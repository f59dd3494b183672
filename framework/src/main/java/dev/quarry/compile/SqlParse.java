package dev.quarry.compile;

import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.statement.Statement;

/**
 * One parse of compiled SQL with JSqlParser, shared by the SQL check and the output columns so that a model is parsed
 * once: simple parsing first, complex parsing when that fails (as JSqlParser itself does). The parser is run directly;
 * {@code CCJSqlParserUtil.parse} would start a thread per statement for its time-out, which costs more than parsing.
 *
 * @param statement the statement, or null when the SQL does not parse (or holds none)
 * @param line      where the last attempt failed (1-based), when it failed
 * @param column    where the last attempt failed (1-based), when it failed
 * @param message   why the last attempt failed, or null when it parsed
 */
record SqlParse(Statement statement, int line, int column, String message) {

    /** Parses SQL, with or without a trailing semicolon. */
    static SqlParse of(String sql) {
        String text = stripTrailingSemicolon(sql);
        SqlParse simple = attempt(text, false);
        return simple.parsed() ? simple : attempt(text, true);
    }

    boolean parsed() {
        return message == null;
    }

    private static SqlParse attempt(String sql, boolean complexParsing) {
        CCJSqlParser parser = CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(complexParsing);
        try {
            return new SqlParse(parser.Statement(), 0, 0, null);
        } catch (ParseException syntax) {
            Token token = syntax.currentToken != null && syntax.currentToken.next != null
                    ? syntax.currentToken.next : syntax.currentToken;
            int line = token == null ? 1 : token.beginLine;
            int column = token == null ? 1 : token.beginColumn;
            String image = token == null || token.image == null || token.image.isEmpty() ? "end of input"
                    : "'" + token.image + "'";
            return new SqlParse(null, line, column, "unexpected " + image + " at line " + line + ", column "
                    + column);
        } catch (TokenMgrException | Error lexical) {
            return new SqlParse(null, 1, 1, firstLine(lexical.getMessage()));
        }
    }

    private static String stripTrailingSemicolon(String sql) {
        String trimmed = sql.stripTrailing();
        return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "the SQL could not be read";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
