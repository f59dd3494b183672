package dev.quarry.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.quarry.error.DidYouMean;
import dev.quarry.error.UsageException;
import dev.quarry.graph.SelectionExpression.Criterion;
import dev.quarry.graph.SelectionExpression.GraphOperator;
import dev.quarry.graph.SelectionExpression.Intersection;
import dev.quarry.graph.SelectionExpression.Union;

/**
 * Reads dbt's selection syntax. Arguments, and space-separated terms within one argument, are a union; the
 * comma-separated parts of a term are an intersection; a part is {@code [@ | [N]+] (method:value | value) [+[N]]}.
 */
public final class SelectorParser {

    /** The operators around a part; the core between them is lazy, so a trailing {@code +} or {@code +N} is one. */
    private static final Pattern OPERATORS =
            Pattern.compile("(?<at>@)?(?:(?<up>\\d*)\\+)?(?<core>.*?)(?:\\+(?<down>\\d*))?", Pattern.DOTALL);
    private static final Pattern LEADING_OPERATOR = Pattern.compile("^\\d*\\+.*", Pattern.DOTALL);
    private static final Pattern TRAILING_OPERATOR = Pattern.compile(".*\\+\\d*$", Pattern.DOTALL);
    private static final int MAX_DEPTH = 999_999;
    private static final String CONFIG_PREFIX = "config.";
    private static final List<String> METHOD_NAMES = Arrays.stream(SelectionMethod.values())
            .map(method -> method == SelectionMethod.CONFIG ? CONFIG_PREFIX + "<key>" : method.selectorName())
            .toList();

    private SelectorParser() {
    }

    /**
     * Parses the arguments of {@code --select} or {@code --exclude}.
     *
     * @return the union of every term, or empty when there is no term at all (no argument, or only blanks)
     * @throws UsageException naming the first malformed part and what to write instead
     */
    public static Optional<SelectionExpression> parse(List<String> arguments) {
        List<SelectionExpression> terms = terms(arguments).stream().map(SelectorParser::parseTerm).toList();
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(terms.size() == 1 ? terms.get(0) : new Union(terms));
    }

    /** The space-separated terms of the arguments, in order; blanks dropped. */
    public static List<String> terms(List<String> arguments) {
        List<String> terms = new ArrayList<>();
        for (String argument : arguments) {
            Arrays.stream(argument.trim().split("\\s+")).filter(term -> !term.isEmpty()).forEach(terms::add);
        }
        return terms;
    }

    /** Parses one term (no spaces): the intersection of its comma-separated parts, or the part alone. */
    public static SelectionExpression parseTerm(String term) {
        String[] parts = term.split(",", -1);
        List<SelectionExpression> parsed = new ArrayList<>();
        for (String part : parts) {
            if (part.isEmpty()) {
                throw bad(term, "a comma with nothing on one side; write the parts to intersect as "
                        + "'tag:nightly,config.materialized:table'");
            }
            parsed.add(parsePart(part));
        }
        return parsed.size() == 1 ? parsed.get(0) : new Intersection(parsed);
    }

    private static SelectionExpression parsePart(String part) {
        Matcher matcher = OPERATORS.matcher(part);
        if (!matcher.matches()) {
            throw new IllegalStateException("the operator pattern matches every text: " + part);
        }
        String core = matcher.group("core");
        boolean at = matcher.group("at") != null;
        String up = matcher.group("up");
        String down = matcher.group("down");
        if (core.startsWith("@")) {
            throw bad(part, "'@' can only come first; write '@" + core.replaceFirst("^@+", "") + "'");
        }
        if (LEADING_OPERATOR.matcher(core).matches()) {
            throw bad(part, "'+' appears twice before the name; write '+x' for all ancestors or '2+x' for two levels");
        }
        if (TRAILING_OPERATOR.matcher(core).matches()) {
            throw bad(part, "'+' appears twice after the name; write 'x+' for all descendants or 'x+2' for two levels");
        }
        if (core.isEmpty()) {
            String example = (at ? "@" : "") + (up == null ? "" : up + "+") + "my_model"
                    + (down == null ? "" : "+" + down);
            throw bad(part, "nothing to select next to the operators; write a name or method:value, as in '"
                    + example + "'");
        }
        if (at && (up != null || down != null)) {
            throw bad(part, "'@' cannot be combined with '+'; write '@" + core + "' for " + core
                    + ", its descendants and their ancestors, or '+" + core + "+' for its ancestors and descendants");
        }
        Criterion criterion = parseCriterion(part, core);
        if (!at && up == null && down == null) {
            return criterion;
        }
        return new GraphOperator(criterion, depth(part, up), depth(part, down), at);
    }

    private static int depth(String part, String digits) {
        if (digits == null) {
            return GraphOperator.NONE;
        }
        if (digits.isEmpty()) {
            return GraphOperator.ALL;
        }
        int depth;
        try {
            depth = Integer.parseInt(digits);
        } catch (NumberFormatException tooLarge) {
            depth = Integer.MAX_VALUE;
        }
        if (depth < 1 || depth > MAX_DEPTH) {
            throw bad(part, "depth '" + digits + "' is out of range; write a depth from 1 to " + MAX_DEPTH
                    + ", or '+' alone for every level");
        }
        return depth;
    }

    private static Criterion parseCriterion(String part, String core) {
        int colon = core.indexOf(':');
        if (colon < 0) {
            boolean pathLike = core.contains("/") || core.contains("\\")
                    || core.endsWith(".sql") || core.endsWith(".csv");
            return new Criterion(pathLike ? SelectionMethod.PATH : SelectionMethod.FQN, null, core);
        }
        String methodName = core.substring(0, colon);
        String value = core.substring(colon + 1);
        if (methodName.isEmpty()) {
            throw bad(part, "no method before ':'; write a method such as 'tag:" + value + "', or the name alone");
        }
        SelectionMethod method = method(part, methodName);
        String key = method == SelectionMethod.CONFIG ? methodName.substring(CONFIG_PREFIX.length()) : null;
        if (value.isEmpty()) {
            throw bad(part, "no value after '" + methodName + ":'; write one, as in '"
                    + (key == null ? method.example() : methodName + ":table") + "'");
        }
        method.problemWith(value).ifPresent(problem -> {
            throw bad(part, problem);
        });
        return new Criterion(method, key, value);
    }

    private static SelectionMethod method(String part, String methodName) {
        if (methodName.equals("config") || methodName.equals(CONFIG_PREFIX)) {
            throw bad(part, "config selectors name a key; write e.g. 'config.materialized:table'");
        }
        if (methodName.startsWith(CONFIG_PREFIX)) {
            return SelectionMethod.CONFIG;
        }
        Optional<SelectionMethod> method = SelectionMethod.fromSelectorName(methodName);
        if (method.isPresent() && method.get() != SelectionMethod.CONFIG) {
            return method.get();
        }
        throw bad(part, "unknown method '" + methodName + "'" + methodHint(methodName) + "; use one of "
                + String.join(", ", METHOD_NAMES) + ", or a bare name");
    }

    /** For {@code confg.materialized}, suggests {@code config.materialized}: the key is not the misspelt part. */
    private static String methodHint(String methodName) {
        int dot = methodName.indexOf('.');
        String head = dot < 0 ? methodName : methodName.substring(0, dot);
        String rest = dot < 0 ? "" : methodName.substring(dot);
        List<String> names = Arrays.stream(SelectionMethod.values()).map(SelectionMethod::selectorName).toList();
        return DidYouMean.closest(head, names)
                .filter(name -> rest.isEmpty() || name.equals("config"))
                .map(name -> " (did you mean '" + name + (name.equals("config") && rest.isEmpty() ? ".<key>" : rest)
                        + "'?)")
                .orElse("");
    }

    private static UsageException bad(String selector, String problem) {
        return new UsageException("bad selector '" + selector + "': " + problem);
    }
}
