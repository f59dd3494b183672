package dev.quarry.project;

import static dev.quarry.project.ProjectDirectory.formatted;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quarry.error.Diagnostics;
import dev.quarry.error.SourceLocation;

class FolderConfigsTest {

    private static final String FILE = "quarry_project.yml";

    private final Diagnostics diagnostics = new Diagnostics();

    /** Reads a {@code models:} block given as its content (the project name at the left margin). */
    private FolderConfigs read(String block) {
        YamlMap map = (YamlMap) YamlParser.parse(block, FILE, diagnostics).orElseThrow();
        return FolderConfigs.read(map, new YamlReading(diagnostics));
    }

    private static ConfigValue value(Object value, int line, int column) {
        return new ConfigValue(value, new SourceLocation(FILE, line, column));
    }

    private List<String> messages() {
        return formatted(diagnostics.sorted());
    }

    private static final String LAYERED = """
            shop:
              +materialized: view
              +tags: [base]
              staging:
                +schema: staging
                +tags: staging_only
                stg_orders:
                  +materialized: ephemeral
                  +tags: [base, model_tag]
              marts:
                +materialized: table
                +tags: [dashboard, base]
                core:
                  +enabled: false
            """;

    @Test
    void projectLevelConfigAppliesToEveryFolder() {
        FolderConfigs configs = read(LAYERED);

        assertThat(configs.resolve(List.of("shop", "other_model"))).isEqualTo(Map.of(
                "materialized", value("view", 2, 18),
                "tags", value(List.of("base"), 3, 10)));
        assertThat(messages()).isEmpty();
    }

    @Test
    void aDeeperFolderWinsAndTagsAccumulate() {
        FolderConfigs configs = read(LAYERED);

        assertThat(configs.resolve(List.of("shop", "marts", "core", "dim_customers"))).isEqualTo(Map.of(
                "materialized", value("table", 11, 20),
                "enabled", value(false, 14, 17),
                "tags", value(List.of("base", "dashboard"), 12, 12)));
    }

    @Test
    void aSingleStringTagIsAListOfOne() {
        FolderConfigs configs = read(LAYERED);

        assertThat(configs.resolve(List.of("shop", "staging", "stg_customers"))).isEqualTo(Map.of(
                "materialized", value("view", 2, 18),
                "schema", value("staging", 5, 14),
                "tags", value(List.of("base", "staging_only"), 6, 12)));
    }

    @Test
    void anEntryNamedAfterAModelConfiguresThatModelOnly() {
        FolderConfigs configs = read(LAYERED);

        assertThat(configs.resolve(List.of("shop", "staging", "stg_orders"))).isEqualTo(Map.of(
                "materialized", value("ephemeral", 8, 22),
                "schema", value("staging", 5, 14),
                "tags", value(List.of("base", "staging_only", "model_tag"), 9, 14)));
    }

    @Test
    void theResolvedTagsKeepTheirFirstOrderWithoutDuplicates() {
        FolderConfigs configs = read(LAYERED);

        @SuppressWarnings("unchecked")
        List<Object> tags = (List<Object>) configs.resolve(List.of("shop", "staging", "stg_orders")).get("tags")
                .value();

        assertThat(tags).containsExactly("base", "staging_only", "model_tag");
    }

    @Test
    void anotherProjectsConfigDoesNotApply() {
        FolderConfigs configs = read(LAYERED);

        assertThat(configs.resolve(List.of("other_project", "staging", "stg_orders"))).isEmpty();
        assertThat(FolderConfigs.empty().resolve(List.of("shop", "staging", "stg_orders"))).isEmpty();
    }

    @Test
    void aKnownKeyWithoutPlusIsAConfigAndDashedKeysAreNormalised() {
        FolderConfigs configs = read("""
                shop:
                  materialized: table
                  +pre-hook: "set x = 1"
                  +on-schema-change: fail
                """);

        assertThat(configs.resolve(List.of("shop", "orders"))).isEqualTo(Map.of(
                "materialized", value("table", 2, 17),
                "pre_hook", value(List.of("set x = 1"), 3, 14),
                "on_schema_change", value("fail", 4, 22)));
        assertThat(messages()).isEmpty();
    }

    @Test
    void aFolderNamedLikeAConfigKeyIsStillAFolder() {
        FolderConfigs configs = read("""
                shop:
                  schema:
                    +materialized: table
                """);

        assertThat(configs.resolve(List.of("shop", "schema", "x"))).isEqualTo(Map.of(
                "materialized", value("table", 3, 20)));
        assertThat(configs.resolve(List.of("shop", "x"))).isEmpty();
    }

    @Test
    void mappingConfigsKeepTheirStructure() {
        FolderConfigs configs = read("""
                shop:
                  +partition_by: {field: day, data_type: date}
                  +partition_expiration_days: 30
                """);

        assertThat(configs.resolve(List.of("shop", "events"))).isEqualTo(Map.of(
                "partition_by", value(Map.of("field", "day", "data_type", "date"), 2, 18),
                "partition_expiration_days", value(30L, 3, 31)));
    }

    @Test
    void hooksAddUpFromTheProjectDownAndSayWhereEachIsSet() {
        FolderConfigs configs = read("""
                shop:
                  +post_hook: "grant select on ${this} to reader"
                  marts:
                    +pre_hook: ["select 1", "select 2"]
                    +post_hook: "analyze ${this}"
                    fct_orders:
                      +post_hook: "select 3"
                """);

        Map<String, ConfigValue> resolved = configs.resolve(List.of("shop", "marts", "fct_orders"));

        assertThat(resolved.get("post_hook")).isEqualTo(value(List.of("grant select on ${this} to reader",
                "analyze ${this}", "select 3"), 7, 19));
        assertThat(resolved.get("pre_hook")).isEqualTo(value(List.of("select 1", "select 2"), 4, 16));
        assertThat(configs.hookLocations(List.of("shop", "marts", "fct_orders"), "post_hook")).containsExactly(
                new SourceLocation(FILE, 2, 15), new SourceLocation(FILE, 5, 17), new SourceLocation(FILE, 7, 19));
        assertThat(configs.hookLocations(List.of("shop", "marts", "fct_orders"), "pre_hook")).containsExactly(
                new SourceLocation(FILE, 4, 16), new SourceLocation(FILE, 4, 16));
        assertThat(configs.resolve(List.of("shop", "staging", "stg_orders")).get("post_hook"))
                .isEqualTo(value(List.of("grant select on ${this} to reader"), 2, 15));
        assertThat(messages()).isEmpty();
    }

    @Test
    void aValueOfTheWrongKindIsAnErrorAndIsDropped() {
        FolderConfigs configs = read("""
                shop:
                  +materialized: 5
                  +enabled: "yes"
                  +tags: [1, 2]
                  +partition_expiration_days: 1.5
                  +labels: [a]
                  +schema: raw
                """);

        assertThat(messages()).containsExactly(
                "quarry_project.yml:2:18: error: config 'materialized' must be a string, not the number 5",
                "quarry_project.yml:3:13: error: config 'enabled' must be true or false, not the string 'yes'",
                "quarry_project.yml:4:10: error: config 'tags' must be a string or a list of strings, not a list",
                "quarry_project.yml:5:31: error: config 'partition_expiration_days' must be a whole number, "
                        + "not the number 1.5",
                "quarry_project.yml:6:12: error: config 'labels' must be a mapping, not a list");
        assertThat(configs.resolve(List.of("shop", "x"))).isEqualTo(Map.of("schema", value("raw", 7, 12)));
    }

    @Test
    void anUnknownMaterializationIsAnErrorWithASuggestion() {
        read("""
                shop:
                  +materialized: tabel
                  +incremental_strategy: upsert
                """);

        assertThat(messages()).containsExactly("""
                quarry_project.yml:2:18: error: config 'materialized' has an unknown value 'tabel'
                  hint: did you mean 'table'?""", """
                quarry_project.yml:3:26: error: config 'incremental_strategy' has an unknown value 'upsert'
                  hint: use one of: append, delete+insert, insert_overwrite, merge""");
    }

    @Test
    void anUnknownPlusKeyIsAWarningAndIsKept() {
        FolderConfigs configs = read("""
                shop:
                  +materialised: view
                """);

        assertThat(messages()).containsExactly("""
                quarry_project.yml:2:3: warning: unknown config key 'materialised'
                  hint: did you mean 'materialized'?""");
        assertThat(diagnostics.hasErrors()).isFalse();
        assertThat(configs.resolve(List.of("shop", "x"))).isEqualTo(Map.of("materialised", value("view", 2, 18)));
    }

    @Test
    void aKeyThatIsNeitherAConfigNorAFolderIsAnError() {
        read("""
                shop:
                  staging:
                    materialised: view
                """);

        assertThat(messages()).containsExactly("""
                quarry_project.yml:3:5: error: 'materialised' is neither a folder nor a config key
                  hint: write config keys with a '+' in front: '+materialised: ...'""");
    }

    @Test
    void aConfigAboveTheProjectNameAppliesToEveryNode() {
        FolderConfigs configs = read("""
                +materialized: view
                shop:
                  +schema: raw
                """);

        assertThat(messages()).isEmpty();
        assertThat(configs.resolve(List.of("shop", "staging", "orders"))).extractingFromEntries(
                entry -> entry.getKey() + "=" + entry.getValue().value())
                .containsExactly("materialized=view", "schema=raw");
    }

    @Test
    void aBlockNamedForAnotherProjectIsAWarning() {
        YamlMap map = (YamlMap) YamlParser.parse("shpo:\n  +schema: raw\n", FILE, diagnostics).orElseThrow();

        FolderConfigs.read(map, "shop", new YamlReading(diagnostics));

        assertThat(messages()).containsExactly("""
                quarry_project.yml:1:1: warning: 'shpo' is not this project's name, so its configs apply to nothing
                  hint: write the project name 'shop' here""");
    }
}
