package dev.quarry.compile;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The SQL check of generic tests, done once for the SQL of tests that differ only inside quoted names and string
 * literals. Tests of one macro differ mostly in the relation they read ({@code "main"."orders"}) and in values
 * ({@code 'a', 'b'}); whether JSqlParser accepts the SQL does not depend on what those tokens hold, so the SQL is
 * reduced to its <em>skeleton</em> (every quoted name and string literal emptied of its content, all else kept) and a
 * skeleton that parsed once is not parsed again. Bare words are kept as they are: the parser treats some of them as keywords.
 * Only parses that succeeded are remembered; a test whose SQL fails is parsed itself, so its warning says where.
 * SQL the skeleton cannot be made of for sure (an escaped quote, a backslash or a line break inside quotes, an
 * unclosed quote or comment, dollar quoting) is always parsed.
 *
 * <p>One per compile; safe for the compile pass's threads.
 */
final class TestSqlCheck {

    private final Set<String> skeletonsThatParse = ConcurrentHashMap.newKeySet();
    private final Function<String, SqlParse> parser;

    TestSqlCheck() {
        this(SqlParse::of);
    }

    /** @param parser what parses SQL (a test's fake counts the calls) */
    TestSqlCheck(Function<String, SqlParse> parser) {
        this.parser = parser;
    }

    /** The parse of a generic test's compiled SQL: a real one, or one known to succeed (with no statement). */
    SqlParse parse(String sql) {
        String skeleton = skeleton(sql);
        if (skeleton != null && skeletonsThatParse.contains(skeleton)) {
            return new SqlParse(null, 0, 0, null);
        }
        SqlParse parse = parser.apply(sql);
        if (parse.parsed() && skeleton != null) {
            skeletonsThatParse.add(skeleton);
        }
        return parse;
    }

    /**
     * The SQL with the content of every quoted name ({@code "x"}, {@code `x`}) and string literal ({@code 'x'})
     * replaced by {@code _} (an empty one stays empty), comments kept; or null when that cannot be done for sure.
     */
    static String skeleton(String sql) {
        if (sql.contains("$$")) {
            return null;
        }
        StringBuilder out = new StringBuilder(sql.length());
        int length = sql.length();
        int index = 0;
        while (index < length) {
            char current = sql.charAt(index);
            char next = index + 1 < length ? sql.charAt(index + 1) : 0;
            if (current == '\'' || current == '"' || current == '`') {
                int close = closingQuote(sql, index, current);
                if (close < 0) {
                    return null;
                }
                out.append(current);
                if (close > index + 1) {
                    out.append('_');
                }
                out.append(current);
                index = close + 1;
            } else if (current == '-' && next == '-') {
                int end = sql.indexOf('\n', index);
                end = end < 0 ? length : end;
                out.append(sql, index, end);
                index = end;
            } else if (current == '/' && next == '*') {
                int end = sql.indexOf("*/", index + 2);
                if (end < 0) {
                    return null;
                }
                out.append(sql, index, end + 2);
                index = end + 2;
            } else {
                out.append(current);
                index++;
            }
        }
        return out.toString();
    }

    /**
     * Where the quote opened at {@code open} closes, or -1 when it does not, holds a backslash or a line break, or is
     * followed at once by the same quote (a doubled quote, which some dialects read as an escape).
     */
    private static int closingQuote(String sql, int open, char quote) {
        for (int index = open + 1; index < sql.length(); index++) {
            char current = sql.charAt(index);
            if (current == quote) {
                boolean doubled = index + 1 < sql.length() && sql.charAt(index + 1) == quote;
                return doubled ? -1 : index;
            }
            if (current == '\\' || current == '\n' || current == '\r') {
                return -1;
            }
        }
        return -1;
    }
}
