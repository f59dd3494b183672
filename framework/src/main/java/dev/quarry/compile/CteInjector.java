package dev.quarry.compile;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Puts the SQL of ephemeral models in front of a node's compiled SQL as common table expressions, the way dbt does.
 * Pure text: the node's statement gets {@code with __quarry__cte__a as (...), __quarry__cte__b as (...)} in front,
 * or, when it already starts with a {@code WITH} clause (after whitespace and line or block comments), the expressions
 * go first in that clause; {@code WITH RECURSIVE} keeps its {@code recursive}. Leading comments stay in front.
 */
public final class CteInjector {

    /** What {@code ref()} of an ephemeral model prints, before the model's name. */
    public static final String PREFIX = "__quarry__cte__";

    private static final Pattern SAFE_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private CteInjector() {
    }

    /**
     * One ephemeral model to inline.
     *
     * @param model      the ephemeral model's name
     * @param identifier the CTE's name as SQL prints it (see {@link #identifier})
     * @param sql        the model's own compiled SQL (without the CTEs of its own ephemeral parents)
     */
    public record Cte(String model, String identifier, String sql) {

        /** {@code identifier as (\nsql\n)}: the body on its own lines, so a trailing line comment ends before ")". */
        String definition() {
            return identifier + " as (\n" + body(sql) + "\n)";
        }
    }

    /**
     * The CTE name of an ephemeral model as both {@code ref()} and the {@code WITH} clause print it:
     * {@code __quarry__cte__name}, unquoted when that is a plain identifier (as dbt writes it), otherwise quoted by the
     * dialect. Unquoted, an engine that folds case folds the definition and every use alike.
     */
    public static String identifier(String model, SqlDialect dialect) {
        String name = PREFIX + model;
        return SAFE_IDENTIFIER.matcher(name).matches() ? name : dialect.quote(name);
    }

    /**
     * The statement with the CTEs inlined, in the given order (dependency order: each one before those that use it).
     *
     * @return {@code sql} itself when there are none
     */
    public static String inject(String sql, List<Cte> ctes) {
        if (ctes.isEmpty()) {
            return sql;
        }
        StringBuilder definitions = new StringBuilder();
        for (Cte cte : ctes) {
            if (!definitions.isEmpty()) {
                definitions.append(", ");
            }
            definitions.append(cte.definition());
        }
        int start = skipTrivia(sql, 0);
        int withEnd = keywordEnd(sql, start, "with");
        if (withEnd < 0) {
            return sql.substring(0, start) + "with " + definitions + "\n" + sql.substring(start);
        }
        int recursiveEnd = keywordEnd(sql, skipTrivia(sql, withEnd), "recursive");
        int at = recursiveEnd >= 0 ? recursiveEnd : withEnd;
        return sql.substring(0, at) + " " + definitions + "," + sql.substring(at);
    }

    /** The SQL as a CTE body: without leading blank lines, trailing whitespace or a trailing semicolon. */
    static String body(String sql) {
        int end = sql.length();
        while (end > 0 && (Character.isWhitespace(sql.charAt(end - 1)) || sql.charAt(end - 1) == ';')) {
            end--;
        }
        int start = 0;
        for (int index = 0; index < end && Character.isWhitespace(sql.charAt(index)); index++) {
            if (sql.charAt(index) == '\n') {
                start = index + 1;
            }
        }
        return sql.substring(start, end);
    }

    /** The index of the first character after whitespace and comments from {@code from}. */
    static int skipTrivia(String sql, int from) {
        int index = from;
        int length = sql.length();
        while (index < length) {
            char c = sql.charAt(index);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                index++;
            } else if (c == '-' && index + 1 < length && sql.charAt(index + 1) == '-') {
                int newline = sql.indexOf('\n', index);
                index = newline < 0 ? length : newline + 1;
            } else if (c == '/' && index + 1 < length && sql.charAt(index + 1) == '*') {
                int close = sql.indexOf("*/", index + 2);
                index = close < 0 ? length : close + 2;
            } else {
                break;
            }
        }
        return index;
    }

    /** The end of {@code word} (any case) written as a whole word at {@code at}, or -1. */
    private static int keywordEnd(String sql, int at, String word) {
        int end = at + word.length();
        if (!sql.regionMatches(true, at, word, 0, word.length())) {
            return -1;
        }
        if (end < sql.length() && isIdentifierPart(sql.charAt(end))) {
            return -1;
        }
        return end;
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
