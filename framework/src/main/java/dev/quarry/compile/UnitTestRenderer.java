package dev.quarry.compile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.quarry.error.Diagnostic;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.SourceLocation;
import dev.quarry.template.Relation;
import dev.quarry.template.RenderEnvironment;
import dev.quarry.template.TemplateEngine;
import dev.quarry.template.TemplateFailure;

/**
 * Renders the model of a unit test with each input it reads replaced by the CTE of the rows the test gives for it
 * ({@link UnitTestInputs#cteName}), and the test's overrides of vars, environment variables and
 * {@code is_incremental()} applied. The CTEs themselves are written later, from the rows, for the engine the test runs
 * on. Reports inputs that are not ref/source/this, given twice, read but not given, or given but never read.
 */
final class UnitTestRenderer {

    private static final Set<String> MACRO_OVERRIDES = Set.of("is_incremental");

    private final TemplateEngine engine;
    private final ProjectScope scope;
    private final RenderEnvironment environment;
    private final Diagnostics diagnostics;

    UnitTestRenderer(TemplateEngine engine, ProjectScope scope, RenderEnvironment environment,
            Diagnostics diagnostics) {
        this.engine = engine;
        this.scope = scope;
        this.environment = environment;
        this.diagnostics = diagnostics;
    }

    /** The test with the model's SQL as its compiled code, or null when there were errors (reported). */
    @SuppressWarnings("unchecked")
    ManifestNode render(ManifestNode test, ManifestNode model) {
        SourceLocation at = SourceLocation.parse(String.valueOf(test.details().get("defined_at")));
        Map<String, Relation> given = new LinkedHashMap<>();
        Map<String, SourceLocation> givenAt = new LinkedHashMap<>();
        boolean usable = true;
        for (Map<String, Object> fixture : (List<Map<String, Object>>) test.details().get("given")) {
            String written = String.valueOf(fixture.get("input"));
            SourceLocation fixtureAt = SourceLocation.parse(String.valueOf(fixture.get("defined_at")));
            String input = UnitTestInputs.canonical(written).orElse(null);
            if (input == null) {
                diagnostics.error(fixtureAt, "a unit test input must be ref('model'), source('source', 'table') or "
                        + "this, not '" + written + "'", "write input: \"ref('" + written.strip() + "')\"");
                usable = false;
            } else if (given.containsKey(input)) {
                diagnostics.error(fixtureAt, "unit test '" + test.name() + "' gives rows for " + input + " twice",
                        "merge the rows into one input");
                usable = false;
            } else {
                String cte = UnitTestInputs.cteName(input);
                given.put(input, new Relation(null, "", cte, cte));
                givenAt.put(input, fixtureAt);
            }
        }
        Map<String, Object> overrides = (Map<String, Object>) test.details().get("overrides");
        Map<String, Object> macros = map(overrides.get("macros"));
        for (String macro : macros.keySet()) {
            if (!MACRO_OVERRIDES.contains(macro)) {
                diagnostics.error(at, "unit test '" + test.name() + "' overrides the macro '" + macro
                        + "', which cannot be overridden", "only is_incremental can be; use vars for values that "
                                + "change between runs");
                usable = false;
            }
        }
        if (!usable) {
            return null;
        }
        Map<String, String> envVars = new LinkedHashMap<>();
        map(overrides.get("env_vars")).forEach((name, value) -> envVars.put(name, String.valueOf(value)));
        UnitTestContext context = new UnitTestContext(scope, given, model.relation() != null ? model.relation()
                : new Relation(null, "", model.name(), model.name()), Boolean.TRUE.equals(macros.get("is_incremental")),
                map(overrides.get("vars")), envVars);
        String sql;
        try {
            sql = engine.render(model.path(), model.rawCode(), context, environment).text();
        } catch (TemplateFailure failure) {
            Diagnostic found = failure.diagnostic();
            diagnostics.add(new Diagnostic(found.severity(), at, "unit test '" + test.name() + "': "
                    + found.message() + " (at " + found.location() + ")", found.hint()));
            return null;
        }
        Set<String> read = new TreeSet<>(context.used());
        for (Map.Entry<String, SourceLocation> input : givenAt.entrySet()) {
            if (!read.contains(input.getKey())) {
                diagnostics.error(input.getValue(), "model '" + model.name() + "' never reads " + input.getKey()
                        + ", which unit test '" + test.name() + "' gives rows for", read.isEmpty()
                                ? "remove this input" : "remove it, or check its name: the model reads "
                                        + String.join(", ", read));
                usable = false;
            }
        }
        Map<String, Object> details = withFixtureFiles(test.details());
        return usable && details != null ? test.withDetails(details).withCompiledCode(sql) : null;
    }

    /** The details with the rows of each fixture file read in, or null when one is missing (reported). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> withFixtureFiles(Map<String, Object> details) {
        Map<String, Object> read = new LinkedHashMap<>(details);
        List<Map<String, Object>> given = new java.util.ArrayList<>();
        boolean found = true;
        for (Map<String, Object> fixture : (List<Map<String, Object>>) details.get("given")) {
            Map<String, Object> withRows = withFixtureFile(fixture);
            found &= withRows != null;
            given.add(withRows);
        }
        read.put("given", given);
        if (details.get("expect") instanceof Map<?, ?> expect) {
            Map<String, Object> withRows = withFixtureFile((Map<String, Object>) expect);
            found &= withRows != null;
            read.put("expect", withRows);
        }
        return found ? read : null;
    }

    private Map<String, Object> withFixtureFile(Map<String, Object> fixture) {
        if (!(fixture.get("fixture") instanceof String name)) {
            return fixture;
        }
        SourceLocation at = SourceLocation.parse(String.valueOf(fixture.get("defined_at")));
        List<String> folders = scope.project().config().testPaths();
        for (String folder : folders) {
            java.nio.file.Path file = scope.project().root().resolve(folder).resolve("fixtures").resolve(name + ".csv");
            if (java.nio.file.Files.isRegularFile(file)) {
                try {
                    Map<String, Object> withRows = new LinkedHashMap<>(fixture);
                    withRows.put("rows", java.nio.file.Files.readString(file));
                    return withRows;
                } catch (java.io.IOException | java.io.UncheckedIOException unreadable) {
                    diagnostics.error(at, "cannot read the fixture file " + folder + "/fixtures/" + name + ".csv: "
                            + unreadable.getMessage());
                    return null;
                }
            }
        }
        diagnostics.error(at, "there is no fixture file '" + name + ".csv'", "put it in " + String.join(" or ",
                folders.stream().map(folder -> folder + "/fixtures/").toList()) + ", or give the rows inline");
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
