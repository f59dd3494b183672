package dev.quarry.compile;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.quarry.error.DidYouMean;
import dev.quarry.error.Diagnostics;
import dev.quarry.project.TestDefinition;
import dev.quarry.template.MacroSignature;
import dev.quarry.template.TemplateEngine;

/**
 * The generic data tests a project can use: macros named {@code test_<name>}, built in ({@code quarry/tests.ftl}) or
 * the project's own; checks that a YAML test names one and passes it arguments it takes.
 */
final class GenericTests {

    private static final String PREFIX = "test_";

    /** The arguments each built-in test cannot do without (their macros declare no default for them). */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "unique", List.of("column_name"),
            "not_null", List.of("column_name"),
            "accepted_values", List.of("column_name", "values"),
            "relationships", List.of("column_name", "to", "field"),
            "expression_is_true", List.of("expression"),
            "unique_combination_of_columns", List.of("combination_of_columns"),
            "accepted_range", List.of("column_name"));

    private final TemplateEngine engine;
    private final Set<String> known = new TreeSet<>();

    GenericTests(TemplateEngine engine) {
        this.engine = engine;
        engine.macroNames().stream()
                .filter(name -> name.startsWith(PREFIX))
                .forEach(name -> known.add(name.substring(PREFIX.length())));
    }

    /**
     * Reports an unknown test, an argument it does not take or one it needs; true when the test can be used.
     *
     * @param column the column it sits under, or null for a test of the whole node
     */
    boolean check(TestDefinition test, String column, Diagnostics diagnostics) {
        MacroSignature signature = engine.macro(PREFIX + test.testName()).orElse(null);
        if (signature == null) {
            String hint = DidYouMean.hint(test.testName(), known);
            diagnostics.error(test.location(), "unknown data test '" + test.testName() + "'", hint != null ? hint
                    : "use a built-in test (" + String.join(", ", REQUIRED.keySet().stream().sorted().toList())
                            + ", not_empty) or define <#macro test_" + test.testName()
                            + " model column_name ...> in macros/");
            return false;
        }
        boolean usable = true;
        Set<String> suggested = new java.util.HashSet<>();
        for (String argument : test.arguments().keySet()) {
            if (!signature.accepts(argument) || argument.equals("model")) {
                List<String> takes = signature.parameters().stream().filter(name -> !name.equals("model")).toList();
                DidYouMean.closest(argument, takes).ifPresent(suggested::add);
                String hint = DidYouMean.hint(argument, takes);
                diagnostics.error(test.location(), "data test '" + test.testName() + "' has no argument '" + argument
                        + "'", hint != null ? hint : "it takes " + (takes.isEmpty() ? "no arguments"
                                : String.join(", ", takes)));
                usable = false;
            }
        }
        if (column != null && !signature.accepts("column_name")) {
            diagnostics.error(test.location(), "data test '" + test.testName() + "' does not test a column",
                    "move it from the column's data_tests to the model's");
            return false;
        }
        for (String argument : REQUIRED.getOrDefault(test.testName(), List.of())) {
            boolean given = test.arguments().containsKey(argument) || argument.equals("column_name") && column != null;
            usable &= given;
            if (!given && !suggested.contains(argument)) {
                diagnostics.error(test.location(), "data test '" + test.testName() + "' needs the argument '"
                        + argument + "'", argument.equals("column_name")
                                ? "put it under a column's data_tests, or give 'column_name: ...'"
                                : "add it under the test: '" + test.testName() + ": {" + argument + ": ...}'");
            }
        }
        if (test.testName().equals("accepted_range") && !test.arguments().containsKey("min")
                && !test.arguments().containsKey("max")) {
            diagnostics.error(test.location(), "data test 'accepted_range' needs 'min', 'max' or both",
                    "add 'min: ...' and/or 'max: ...'");
            usable = false;
        }
        return usable;
    }
}
