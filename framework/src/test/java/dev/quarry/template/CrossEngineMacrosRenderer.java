package dev.quarry.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.quarry.error.Diagnostics;
import dev.quarry.project.MacroFile;

/** Renders templates that call the cross-engine macros, for one engine type at a time. */
final class CrossEngineMacrosRenderer {

    private final TemplateEngine engine;
    private final AtomicInteger templates = new AtomicInteger();

    CrossEngineMacrosRenderer(MacroFile... projectMacros) {
        Diagnostics diagnostics = new Diagnostics();
        this.engine = TemplateEngine.create(List.of(projectMacros), diagnostics);
        assertThat(diagnostics.sorted()).isEmpty();
    }

    /** The template's output, exactly (no trimming: stray whitespace from the macro library must show). */
    String render(String engineType, String template) throws TemplateFailure {
        // The engine caches parsed templates by path, so every rendering gets a path of its own.
        String path = "models/m" + templates.incrementAndGet() + ".sql";
        RenderEnvironment environment = new RenderEnvironment(Map.of("name", "test", "type", engineType,
                "schema", "main"), "2026-01-02 03:04:05.678", "invocation-1");
        return engine.render(path, template, new FakeRenderContext(), environment).text();
    }
}
