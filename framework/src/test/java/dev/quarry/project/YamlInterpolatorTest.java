package dev.quarry.project;

import static dev.quarry.project.ProjectDirectory.formatted;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quarry.error.Diagnostics;
import dev.quarry.error.SourceLocation;

class YamlInterpolatorTest {

    private static final String FILE = "quarry_project.yml";

    private final Diagnostics diagnostics = new Diagnostics();

    private YamlMap interpolate(String yaml, Map<String, String> environment, Map<String, Object> vars) {
        return interpolate(yaml, environment, vars, true);
    }

    private YamlMap interpolate(String yaml, Map<String, String> environment, Map<String, Object> vars,
            boolean varsAllowed) {
        YamlNode parsed = YamlParser.parse(yaml, FILE, diagnostics).orElseThrow();
        return (YamlMap) new YamlInterpolator(environment, vars, varsAllowed, diagnostics).apply(parsed);
    }

    private static YamlScalar scalar(YamlMap map, String key) {
        return (YamlScalar) map.get(key).orElseThrow();
    }

    private static SourceLocation at(int line, int column) {
        return new SourceLocation(FILE, line, column);
    }

    private List<String> messages() {
        return formatted(diagnostics.sorted());
    }

    @Test
    void anEnvironmentVariableIsReplacedInsideAString() {
        YamlMap root = interpolate("url: \"https://${env_var('HOST')}/api\"\n", Map.of("HOST", "db.example"),
                Map.of());

        assertThat(scalar(root, "url")).isEqualTo(new YamlScalar("https://db.example/api", YamlScalar.Kind.STRING,
                at(1, 6)));
        assertThat(messages()).isEmpty();
    }

    @Test
    void aSetEnvironmentVariableWinsOverItsDefault() {
        YamlMap root = interpolate("project: \"${env_var('GCP_PROJECT', 'fallback')}\"\n",
                Map.of("GCP_PROJECT", "my-project"), Map.of());

        assertThat(scalar(root, "project").text()).isEqualTo("my-project");
    }

    @Test
    void anUnsetEnvironmentVariableTakesItsDefaultInEitherQuoteOrNone() {
        YamlMap root = interpolate("""
                single: "${env_var('A', 'one')}"
                double: '${env_var("B", "two")}'
                spaced: "${ env_var( 'C' , 'three' ) }"
                bare: "${env_var('D', 4.5)}"
                empty: "${env_var('E', '')}"
                """, Map.of(), Map.of());

        assertThat(root.toPlain()).isEqualTo(Map.of("single", "one", "double", "two", "spaced", "three",
                "bare", 4.5, "empty", ""));
        assertThat(messages()).isEmpty();
    }

    @Test
    void anUnsetEnvironmentVariableWithoutDefaultIsAnErrorAtTheScalar() {
        YamlMap root = interpolate("""
                name: shop
                project: "${env_var('GCP_PROJECT')}"
                """, Map.of(), Map.of());

        assertThat(messages()).containsExactly("""
                quarry_project.yml:2:10: error: environment variable 'GCP_PROJECT' is not set
                  hint: set it, or give a default: env_var('GCP_PROJECT', 'value')""");
        assertThat(scalar(root, "project").text()).isEmpty();
    }

    @Test
    void aVariableIsReplacedByItsValue() {
        YamlMap root = interpolate("""
                start: "from ${var('start_date')}"
                limit: "${var('limit')}"
                """, Map.of(), Map.of("start_date", "2018-01-01", "limit", 10L));

        assertThat(scalar(root, "start")).isEqualTo(new YamlScalar("from 2018-01-01", YamlScalar.Kind.STRING,
                at(1, 8)));
        assertThat(scalar(root, "limit")).isEqualTo(new YamlScalar("10", YamlScalar.Kind.INTEGER, at(2, 8)));
    }

    @Test
    void aMissingVariableTakesItsDefault() {
        YamlMap root = interpolate("start: \"${var('start_date', '2020-01-01')}\"\n", Map.of(), Map.of());

        assertThat(scalar(root, "start").text()).isEqualTo("2020-01-01");
        assertThat(messages()).isEmpty();
    }

    @Test
    void aDefinedVariableWinsOverItsDefault() {
        YamlMap root = interpolate("start: \"${var('start_date', '2020-01-01')}\"\n", Map.of(),
                Map.of("start_date", "2024-06-01"));

        assertThat(scalar(root, "start").text()).isEqualTo("2024-06-01");
    }

    @Test
    void aMissingVariableWithoutDefaultIsAnErrorAtTheScalar() {
        interpolate("""
                models:
                  shop:
                    +schema: "s_${var('suffix')}"
                """, Map.of(), Map.of());

        assertThat(messages()).containsExactly("""
                quarry_project.yml:3:14: error: var 'suffix' has no value and no default
                  hint: define it under 'vars:' in quarry_project.yml, pass --vars '{suffix: ...}', \
                or give a default: var('suffix', 'value')""");
    }

    @Test
    void varsAreAnErrorWhereOnlyEnvironmentVariablesAreDefined() {
        interpolate("threads: \"${var('threads', '4')}\"\n", Map.of(), Map.of("threads", 8L), false);

        assertThat(messages()).containsExactly("""
                quarry_project.yml:1:10: error: var('threads') cannot be used in profiles.yml or in vars:
                  hint: use env_var('NAME') here""");
    }

    @Test
    void everyMissingValueInOneStringIsReported() {
        interpolate("path: \"${env_var('ROOT')}/${var('folder')}\"\n", Map.of(), Map.of());

        assertThat(messages()).containsExactly("""
                quarry_project.yml:1:7: error: environment variable 'ROOT' is not set
                  hint: set it, or give a default: env_var('ROOT', 'value')""", """
                quarry_project.yml:1:7: error: var 'folder' has no value and no default
                  hint: define it under 'vars:' in quarry_project.yml, pass --vars '{folder: ...}', \
                or give a default: var('folder', 'value')""");
    }

    @Test
    void aWholeValueExpressionIsRetypedByWhatItGives() {
        YamlMap root = interpolate("""
                threads: "${env_var('T', '8')}"
                ratio: "${env_var('R', '.5')}"
                negative: "${env_var('N', '-3')}"
                enabled: "${env_var('ENABLED', 'true')}"
                label: "${env_var('L', 'eight')}"
                """, Map.of(), Map.of());

        assertThat(scalar(root, "threads")).isEqualTo(new YamlScalar("8", YamlScalar.Kind.INTEGER, at(1, 10)));
        assertThat(scalar(root, "ratio").kind()).isEqualTo(YamlScalar.Kind.FLOAT);
        assertThat(scalar(root, "negative").kind()).isEqualTo(YamlScalar.Kind.INTEGER);
        assertThat(scalar(root, "enabled").kind()).isEqualTo(YamlScalar.Kind.BOOLEAN);
        assertThat(scalar(root, "label").kind()).isEqualTo(YamlScalar.Kind.STRING);
        assertThat(root.toPlain()).isEqualTo(Map.of("threads", 8L, "ratio", 0.5, "negative", -3L, "enabled", true,
                "label", "eight"));
    }

    @Test
    void anExpressionInsideLongerTextStaysAString() {
        YamlMap root = interpolate("""
                padded: " ${env_var('T', '8')}"
                twice: "${env_var('A', '1')}${env_var('B', '2')}"
                """, Map.of(), Map.of());

        assertThat(scalar(root, "padded")).isEqualTo(new YamlScalar(" 8", YamlScalar.Kind.STRING, at(1, 9)));
        assertThat(scalar(root, "twice")).isEqualTo(new YamlScalar("12", YamlScalar.Kind.STRING, at(2, 8)));
    }

    @Test
    void hookValuesAreLeftForTheTemplateStage() {
        YamlMap root = interpolate("""
                on-run-start: "create schema if not exists ${env_var('MISSING')}"
                on-run-end:
                  - "analyze ${target.schema}.t where d > '${var('missing')}'"
                models:
                  shop:
                    +pre-hook: "set x = '${env_var('MISSING')}'"
                    +post_hook: ["grant select on ${this} to ${var('role')}"]
                    config:
                      pre_hook: "${env_var('MISSING')}"
                      post-hook: "${var('missing')}"
                """, Map.of(), Map.of());

        assertThat(messages()).isEmpty();
        assertThat(scalar(root, "on-run-start").text()).isEqualTo("create schema if not exists ${env_var('MISSING')}");
        assertThat(root.get("on-run-end").orElseThrow().toPlain())
                .isEqualTo(List.of("analyze ${target.schema}.t where d > '${var('missing')}'"));
        YamlMap shop = (YamlMap) ((YamlMap) root.get("models").orElseThrow()).get("shop").orElseThrow();
        assertThat(scalar(shop, "+pre-hook").text()).isEqualTo("set x = '${env_var('MISSING')}'");
        assertThat(shop.get("+post_hook").orElseThrow().toPlain())
                .isEqualTo(List.of("grant select on ${this} to ${var('role')}"));
        assertThat(shop.get("config").orElseThrow().toPlain())
                .isEqualTo(Map.of("pre_hook", "${env_var('MISSING')}", "post-hook", "${var('missing')}"));
    }

    @Test
    void otherExpressionsAreLeftForLater() {
        YamlMap root = interpolate("""
                description: "One row per order. ${doc('order_grain')}"
                schema: "${target.schema}_x"
                call: "${ref('orders')}"
                """, Map.of(), Map.of());

        assertThat(root.toPlain()).isEqualTo(Map.of(
                "description", "One row per order. ${doc('order_grain')}",
                "schema", "${target.schema}_x",
                "call", "${ref('orders')}"));
        assertThat(scalar(root, "description").kind()).isEqualTo(YamlScalar.Kind.STRING);
        assertThat(messages()).isEmpty();
    }

    @Test
    void keysAndLocationsAreKeptThroughListsAndMaps() {
        YamlMap root = interpolate("""
                outputs:
                  - name: "${env_var('NAME', 'dev')}"
                    port: 5432
                """, Map.of(), Map.of());

        YamlList outputs = (YamlList) root.get("outputs").orElseThrow();
        YamlMap output = (YamlMap) outputs.items().get(0);
        assertThat(root.entries().get("outputs").keyLocation()).isEqualTo(at(1, 1));
        assertThat(outputs.location()).isEqualTo(at(2, 3));
        assertThat(output.location()).isEqualTo(at(2, 5));
        assertThat(output.entries().get("port").keyLocation()).isEqualTo(at(3, 5));
        assertThat(scalar(output, "name")).isEqualTo(new YamlScalar("dev", YamlScalar.Kind.STRING, at(2, 11)));
        assertThat(scalar(output, "port")).isEqualTo(new YamlScalar("5432", YamlScalar.Kind.INTEGER, at(3, 11)));
    }

    @Test
    void aValueIsNotInterpolatedTwice() {
        YamlMap root = interpolate("a: \"${env_var('A')}\"\n", Map.of("A", "${env_var('B')}"), Map.of());

        assertThat(scalar(root, "a").text()).isEqualTo("${env_var('B')}");
        assertThat(messages()).isEmpty();
    }
}
