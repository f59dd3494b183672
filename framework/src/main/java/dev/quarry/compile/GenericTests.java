package dev.quarry.compile;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.quarry.error.DidYouMean;
import dev.quarry.error.Diagnostics;
import dev.quarry.project.MacroFile;
import dev.quarry.project.TestDefinition;

/**
 * The generic data tests a project can use: the built-in ones and those its macros define as a function named
 * {@code test_<name>}; and the arguments each built-in one needs.
 */
final class GenericTests {

    private static final Map<String, List<String>> BUILT_IN = Map.of(
            "unique", List.of(),
            "not_null", List.of(),
            "accepted_values", List.of("values"),
            "relationships", List.of("to", "field"),
            "expression_is_true", List.of("expression"),
            "not_empty", List.of(),
            "unique_combination_of_columns", List.of("combination_of_columns"),
            "accepted_range", List.of());
    private static final Pattern CUSTOM = Pattern.compile("<#(?:function|macro)\\s+test_([A-Za-z_][A-Za-z0-9_]*)");

    private final Set<String> known = new TreeSet<>(BUILT_IN.keySet());

    GenericTests(List<MacroFile> macros) {
        for (MacroFile macro : macros) {
            Matcher matcher = CUSTOM.matcher(macro.text());
            while (matcher.find()) {
                known.add(matcher.group(1));
            }
        }
    }

    /** Reports an unknown test or a missing argument; true when the test can be used. */
    boolean check(TestDefinition test, Diagnostics diagnostics) {
        if (!known.contains(test.testName())) {
            String hint = DidYouMean.hint(test.testName(), known);
            diagnostics.error(test.location(), "unknown data test '" + test.testName() + "'", hint != null ? hint
                    : "use a built-in test (" + String.join(", ", new TreeSet<>(BUILT_IN.keySet()))
                            + ") or define <#function test_" + test.testName() + " ...> in macros/");
            return false;
        }
        for (String argument : BUILT_IN.getOrDefault(test.testName(), List.of())) {
            if (!test.arguments().containsKey(argument)) {
                diagnostics.error(test.location(), "data test '" + test.testName() + "' needs the argument '"
                        + argument + "'", "add it under the test: '" + test.testName() + ": {" + argument
                        + ": ...}'");
                return false;
            }
        }
        if (test.testName().equals("accepted_range") && !test.arguments().containsKey("min")
                && !test.arguments().containsKey("max")) {
            diagnostics.error(test.location(), "data test 'accepted_range' needs 'min', 'max' or both",
                    "add 'min: ...' and/or 'max: ...'");
            return false;
        }
        return true;
    }
}
