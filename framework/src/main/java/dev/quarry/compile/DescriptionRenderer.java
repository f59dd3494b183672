package dev.quarry.compile;

import java.util.List;

import dev.quarry.error.Diagnostic;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.SourceLocation;
import dev.quarry.project.ColumnProperties;
import dev.quarry.template.RenderEnvironment;
import dev.quarry.template.TemplateEngine;
import dev.quarry.template.TemplateFailure;

/**
 * Renders descriptions that use the template API, mostly {@code ${doc('name')}}; plain text is returned as it is.
 * A failure is reported at the YAML entry the description belongs to.
 */
final class DescriptionRenderer {

    private final TemplateEngine engine;
    private final ProjectScope scope;
    private final RenderEnvironment environment;
    private final Diagnostics diagnostics;

    DescriptionRenderer(TemplateEngine engine, ProjectScope scope, RenderEnvironment environment,
            Diagnostics diagnostics) {
        this.engine = engine;
        this.scope = scope;
        this.environment = environment;
        this.diagnostics = diagnostics;
    }

    String render(String text, SourceLocation where) {
        if (text == null || !text.contains("${") && !text.contains("<#") && !text.contains("<@")) {
            return text;
        }
        String name = where.file() + ":" + where.line() + ":" + where.column() + ":description";
        try {
            return engine.render(name, text, new ParsePassContext(scope, ""), environment).text();
        } catch (TemplateFailure failure) {
            Diagnostic cause = failure.diagnostic();
            diagnostics.error(where, "description: " + cause.message(), cause.hint());
            return text;
        }
    }

    List<ColumnProperties> columns(List<ColumnProperties> columns) {
        return columns.stream().map(column -> new ColumnProperties(column.name(),
                render(column.description(), column.location()), column.dataType(), column.tags(), column.meta(),
                column.tests(), column.location(), column.constraints())).toList();
    }
}
