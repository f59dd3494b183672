package dev.quarry.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quarry.error.Diagnostics;
import dev.quarry.error.SourceLocation;
import dev.quarry.project.MacroFile;

class TemplateEngineTest {

    private final RenderEnvironment duckdb = new RenderEnvironment(
            Map.of("name", "dev", "type", "duckdb", "schema", "main"), "2026-01-02 03:04:05.678", "inv-1");

    private static TemplateEngine engine(MacroFile... macros) {
        Diagnostics diagnostics = new Diagnostics();
        TemplateEngine engine = TemplateEngine.create(List.of(macros), diagnostics);
        assertThat(diagnostics.sorted()).isEmpty();
        return engine;
    }

    @Test
    void rendersTheTemplateApi() throws Exception {
        FakeRenderContext context = new FakeRenderContext("orders");
        context.vars.put("start", "2018-01-01");
        context.environment.put("REGION", "eu");
        String sql = """
                <@config materialized='table' tags=['a', 'b'] />
                select * from ${ref('orders')} where d > '${var('start')}' and r = '${env_var('REGION')}'
                and n = ${1234567} and t = '${target.type}' and self = '${this.identifier}' ${is_incremental()?c}""";

        Rendered rendered = engine().render("models/x.sql", sql, context, duckdb);

        assertThat(rendered.text().strip()).isEqualTo("select * from \"main\".\"orders\" where d > '2018-01-01' "
                + "and r = 'eu'\nand n = 1234567 and t = 'duckdb' and self = 'self' false");
        assertThat(context.refs).containsExactly("orders");
        assertThat(context.config).containsEntry("materialized", "table").containsEntry("tags", List.of("a", "b"));
        assertThat(context.configLocation).isEqualTo(new SourceLocation("models/x.sql", 1, 1));
        assertThat(rendered.trace().envVarsRead()).containsEntry("REGION", "eu");
        assertThat(rendered.trace().isVolatile()).isFalse();
    }

    @Test
    void marksRenderingsThatUseInvocationValuesAsVolatile() throws Exception {
        Rendered rendered = engine().render("models/x.sql", "select '${run_started_at}', '${invocation_id}'",
                new FakeRenderContext(), duckdb);

        assertThat(rendered.text()).isEqualTo("select '2026-01-02 03:04:05.678', 'inv-1'");
        assertThat(rendered.trace().isVolatile()).isTrue();
    }

    @Test
    void aProjectMacroOverridesTheBuiltInForItsEngineOnly() throws Exception {
        TemplateEngine engine = engine(new MacroFile("macros/overrides.ftl",
                "<#function duckdb__current_timestamp><#return \"now()\"></#function>"));
        RenderEnvironment h2 = new RenderEnvironment(Map.of("type", "h2"), "", "");

        assertThat(engine.render("models/a.sql", "${current_timestamp()}", new FakeRenderContext(), duckdb).text())
                .isEqualTo("now()");
        assertThat(engine.render("models/b.sql", "${current_timestamp()}", new FakeRenderContext(), h2).text())
                .isEqualTo("current_timestamp");
    }

    @Test
    void anUnknownRefPointsAtItsCallWithAHint() {
        assertThatThrownBy(() -> engine().render("models/x.sql", "select *\nfrom ${ref('ordrs')}",
                new FakeRenderContext("orders"), duckdb))
                .isInstanceOfSatisfying(TemplateFailure.class, failure -> assertThat(failure.diagnostic().format())
                        .isEqualTo("models/x.sql:2:6: error: ref('ordrs') names no model or seed"
                                + System.lineSeparator() + "  hint: did you mean 'orders'?"));
    }

    @Test
    void anErrorInsideAMacroShowsTheMacroAndTheCallSite() {
        TemplateEngine engine = engine(new MacroFile("macros/broken.ftl",
                "<#function broken x>\n  <#return missing_thing + x>\n</#function>"));

        assertThatThrownBy(() -> engine.render("models/x.sql", "select 1,\n  ${broken('a')}",
                new FakeRenderContext(), duckdb))
                .isInstanceOfSatisfying(TemplateFailure.class, failure -> assertThat(failure.diagnostic().format())
                        .isEqualTo("macros/broken.ftl:2:12: error: undefined template variable 'missing_thing'"
                                + System.lineSeparator() + "  hint: define it (for example with <#assign>), give a "
                                + "default with '!' (missing_thing!'default'), or check its spelling (called from "
                                + "models/x.sql:2:3)"));
    }

    @Test
    void aSyntaxErrorPointsAtItsLine() {
        assertThatThrownBy(() -> engine().render("models/x.sql", "select 1\n<#if true>\nselect 2",
                new FakeRenderContext(), duckdb))
                .isInstanceOfSatisfying(TemplateFailure.class, failure -> assertThat(failure.diagnostic().format())
                        .startsWith("models/x.sql:3:"));
    }
}
