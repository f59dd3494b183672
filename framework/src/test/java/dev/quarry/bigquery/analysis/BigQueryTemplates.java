package dev.quarry.bigquery.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.quarry.error.Diagnostics;
import dev.quarry.error.SourceLocation;
import dev.quarry.template.Relation;
import dev.quarry.template.RenderContext;
import dev.quarry.template.RenderEnvironment;
import dev.quarry.template.TemplateCallException;
import dev.quarry.template.TemplateEngine;
import dev.quarry.template.TemplateFailure;

/**
 * Renders templates for a BigQuery target with Quarry's built-in libraries (the cross-engine macros and the generic
 * data tests) and nothing else: no project, so {@code ref()} and {@code source()} are errors.
 */
final class BigQueryTemplates {

    private static final RenderEnvironment BIGQUERY = new RenderEnvironment(Map.of("name", "prod", "type",
            "bigquery", "schema", "analytics", "database", "analysis-project"), "2026-01-02 03:04:05.678",
            "invocation-1");

    private final TemplateEngine engine;
    private int rendered;

    BigQueryTemplates() {
        Diagnostics diagnostics = new Diagnostics();
        engine = TemplateEngine.create(List.of(), diagnostics);
        assertThat(diagnostics.sorted()).as("loading the built-in libraries").isEmpty();
    }

    /** The template's output for BigQuery. */
    String render(String template) throws TemplateFailure {
        // The engine caches parsed templates by path, so every template gets a path of its own.
        String path = "models/analysis_" + ++rendered + ".sql";
        return engine.render(path, template, new OutsideAProject(), BIGQUERY).text();
    }

    /** The cross-engine macros a project calls: the library's names less engine variants and internals. */
    Set<String> crossEngineMacroNames() {
        Set<String> names = new TreeSet<>();
        for (String name : engine.macroNames()) {
            if (!name.contains("__") && !name.startsWith("quarry_") && !name.startsWith("test_")) {
                names.add(name);
            }
        }
        return names;
    }

    /** The built-in generic data tests: the library's {@code test_<name>} macros. */
    Set<String> genericTestNames() {
        Set<String> names = new TreeSet<>();
        engine.macroNames().stream().filter(name -> name.startsWith("test_")).forEach(names::add);
        return names;
    }

    /** The render context of a template outside any project. */
    private static final class OutsideAProject implements RenderContext {

        @Override
        public Relation ref(String packageName, String name) throws TemplateCallException {
            throw new TemplateCallException("ref('" + name + "') outside a project", null);
        }

        @Override
        public Relation source(String sourceName, String tableName) throws TemplateCallException {
            throw new TemplateCallException("source('" + sourceName + "', '" + tableName + "') outside a project",
                    null);
        }

        @Override
        public boolean sourceHasFiles(String sourceName, String tableName) throws TemplateCallException {
            throw new TemplateCallException("source_has_files('" + sourceName + "', '" + tableName
                    + "') outside a project", null);
        }

        @Override
        public void config(Map<String, Object> values, SourceLocation location) {
        }

        @Override
        public Relation self() {
            return new Relation("analysis-project", "analytics", "self", "`analysis-project`.`analytics`.`self`");
        }

        @Override
        public boolean isIncremental() {
            return false;
        }

        @Override
        public Object var(String name) {
            return null;
        }

        @Override
        public String envVar(String name) {
            return null;
        }

        @Override
        public String doc(String name) {
            return null;
        }

        @Override
        public Set<String> varNames() {
            return Set.of();
        }

        @Override
        public Set<String> docNames() {
            return Set.of();
        }
    }
}
