package dev.sfcrimestats.socrata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of SoQL {@code $where} the fake understands: comparisons {@code <field> <op> '<literal>'} with
 * {@code > >= < <= = !=} (and {@code <>}), joined by {@code AND}, with optional parentheses. A literal may also be
 * an unquoted number. Anything else ({@code OR}, functions, {@code IS NULL}...) is rejected as malformed rather than
 * half-understood, so a loader cannot pass against the fake with a query the real API would read differently.
 */
final class SoqlWhere {

    /** One comparison; {@code key} is the literal normalised for the field's kind. */
    record Condition(String field, Op op, String literal, SodaValues.Kind kind,
            @SuppressWarnings("rawtypes") Comparable key) {

        /** Whether a row value satisfies the comparison; an absent value satisfies none, as null in SQL. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        boolean test(Object value) {
            Comparable valueKey = SodaValues.key(kind, value);
            return valueKey != null && op.holds(valueKey.compareTo(key));
        }
    }

    /** A comparison operator. */
    enum Op {
        GT(">"), GE(">="), LT("<"), LE("<="), EQ("="), NE("!=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        boolean holds(int comparison) {
            return switch (this) {
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
            };
        }

        static Op of(String symbol) {
            if (symbol.equals("<>")) {
                return NE;
            }
            for (Op op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            throw new IllegalArgumentException(symbol);
        }
    }

    /** A condition-free filter: every row passes. */
    static final SoqlWhere ALL = new SoqlWhere(List.of());

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(?<string>'(?:[^']|'')*')|(?<op>>=|<=|!=|<>|=|<|>)|(?<paren>[()])"
                    + "|(?<number>-?\\d+(?:\\.\\d+)?)|(?<word>:?@?[A-Za-z_][A-Za-z0-9_]*))");

    private final List<Condition> conditions;

    private SoqlWhere(List<Condition> conditions) {
        this.conditions = List.copyOf(conditions);
    }

    /** Parses a {@code $where}; null or blank is {@link #ALL}. Fields are checked against the schema. */
    static SoqlWhere parse(String text, Schema schema) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        List<String> tokens = tokenize(text);
        List<Condition> conditions = new ArrayList<>();
        int end = conjunction(tokens, 0, schema, conditions);
        if (end != tokens.size()) {
            throw SoqlException.malformed("Unsupported or unexpected '" + tokens.get(end) + "' in $where: " + text);
        }
        return new SoqlWhere(conditions);
    }

    /** This filter and {@code field = value}, for Socrata's simple filters ({@code ?police_district=Central}). */
    SoqlWhere andEquals(String field, String value, Schema schema) {
        List<Condition> more = new ArrayList<>(conditions);
        more.add(condition(field, "=", value, schema));
        return new SoqlWhere(more);
    }

    /** The conditions, all of which a row must satisfy. */
    List<Condition> conditions() {
        return conditions;
    }

    /** Whether a row (field to API value) satisfies every condition. */
    boolean test(Map<String, Object> row) {
        for (Condition condition : conditions) {
            if (!condition.test(row.get(condition.field()))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (text.substring(at).isBlank()) {
                break;
            }
            if (!matcher.find(at) || matcher.start() != at) {
                throw SoqlException.malformed("Cannot read $where at position " + at + ": " + text);
            }
            tokens.add(text.substring(at, matcher.end()).trim());
            at = matcher.end();
        }
        return tokens;
    }

    // conjunction := term (AND term)*; returns the index after the last token read.
    private static int conjunction(List<String> tokens, int at, Schema schema, List<Condition> into) {
        at = term(tokens, at, schema, into);
        while (at < tokens.size() && tokens.get(at).equalsIgnoreCase("and")) {
            at = term(tokens, at + 1, schema, into);
        }
        return at;
    }

    // term := '(' conjunction ')' | field op literal
    private static int term(List<String> tokens, int at, Schema schema, List<Condition> into) {
        if (at >= tokens.size()) {
            throw SoqlException.malformed("$where ends where a condition was expected");
        }
        if (tokens.get(at).equals("(")) {
            int end = conjunction(tokens, at + 1, schema, into);
            if (end >= tokens.size() || !tokens.get(end).equals(")")) {
                throw SoqlException.malformed("Unbalanced parentheses in $where");
            }
            return end + 1;
        }
        if (at + 2 >= tokens.size()) {
            throw SoqlException.malformed(
                    "Incomplete condition in $where: " + String.join(" ", tokens.subList(at, tokens.size())));
        }
        String field = tokens.get(at);
        String op = tokens.get(at + 1);
        String literal = tokens.get(at + 2);
        boolean literalOk = literal.startsWith("'") || literal.matches("-?\\d+(\\.\\d+)?");
        if (!field.matches(":?@?[A-Za-z_][A-Za-z0-9_]*") || !op.matches(">=|<=|!=|<>|=|<|>") || !literalOk) {
            throw SoqlException.malformed("Unsupported condition in $where: " + field + " " + op + " " + literal
                    + " (the fake understands <field> <op> '<literal>' joined by AND)");
        }
        String value = literal.startsWith("'")
                ? literal.substring(1, literal.length() - 1).replace("''", "'") : literal;
        into.add(condition(field, op, value, schema));
        return at + 3;
    }

    private static Condition condition(String field, String op, String value, Schema schema) {
        SoqlException.requireColumn(schema, field);
        SodaValues.Kind kind = SodaValues.kindOf(field, schema);
        @SuppressWarnings("rawtypes")
        Comparable key = SodaValues.key(kind, value);
        if (key == null) {
            throw new SoqlException(SoqlException.TYPE_MISMATCH,
                    "Type mismatch for " + field + " (" + kind.name().toLowerCase(Locale.ROOT) + "): '" + value + "'");
        }
        return new Condition(field, Op.of(op), value, kind, key);
    }
}
