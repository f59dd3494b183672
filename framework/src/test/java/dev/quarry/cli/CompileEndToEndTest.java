package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs the real command line in-process on the fixture project {@code projects/shop} and reads what it wrote. */
class CompileEndToEndTest {

    @TempDir
    Path project;

    private FixtureProject fixture;

    @BeforeEach
    void copyFixture() {
        fixture = FixtureProject.copy("shop", project);
    }

    private int quarry(String... arguments) {
        return fixture.run(arguments);
    }

    private String stdout() {
        return fixture.stdout();
    }

    private JsonNode manifest() throws IOException {
        return new ObjectMapper().readTree(project.resolve("target/manifest.json").toFile());
    }

    @Test
    void compileWritesCompiledSqlForEachModelAndTest() throws IOException {
        assertThat(quarry("compile")).isZero();

        assertThat(fixture.stderr()).isEmpty();
        assertThat(stdout()).contains("Found 3 models, 1 seed, 6 data tests, 1 unit test, 2 sources, 1 exposure; "
                + "14 selected");
        assertThat(stdout()).contains("Compiled 9 nodes (9 rendered, 0 unchanged)");
        assertThat(Files.readString(project.resolve(
                "target/compiled/models/schema.yml/relationships_fct_orders_country__name__ref__countries__.sql")))
                .isEqualTo("""
                        select child.from_field
                        from (select country as from_field from "main"."fct_orders" where country is not null) child
                        left join (select name as to_field from "main_reference"."countries") parent
                          on child.from_field = parent.to_field
                        where parent.to_field is null
                        """);
        assertThat(Files.readString(project.resolve("target/compiled/models/marts/fct_orders.sql"))).isEqualTo("""
                select
                    o.order_id,
                    o.amount,
                    c.name as country
                from "main_staging"."stg_orders" as o
                left join "main_staging"."customers" as cu on cu.customer_id = o.customer_id
                left join "main_reference"."countries" as c on c.code = cu.country_code
                """);
        assertThat(Files.readString(project.resolve("target/compiled/models/staging/stg_orders.sql"))).isEqualTo("""
                select
                    order_id,
                    customer_id,
                    (amount_cents / 100.0) as amount,
                    ordered_at
                from read_parquet('data/orders/*.parquet')
                where amount_cents >= 10
                """);
        assertThat(Files.readString(project.resolve("target/compiled/tests/assert_no_negative_amounts.sql")))
                .isEqualTo("select * from \"main\".\"fct_orders\" where amount < 0\n");
    }

    @Test
    void manifestDescribesEveryNode() throws IOException {
        assertThat(quarry("compile")).isZero();
        JsonNode manifest = manifest();

        JsonNode metadata = manifest.get("metadata");
        assertThat(metadata.get("schema_version").asInt()).isEqualTo(1);
        assertThat(metadata.get("quarry_schema_version").asText())
                .isEqualTo("https://quarry.dev/schemas/manifest/v1.json");
        assertThat(metadata.get("quarry_version").asText()).isNotBlank().isNotEqualTo("unknown");
        assertThat(metadata.get("generated_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(metadata.get("invocation_id").asText()).matches("[0-9a-f-]{36}");
        assertThat(metadata.get("project_name").asText()).isEqualTo("shop");
        assertThat(metadata.get("target_name").asText()).isEqualTo("dev");
        assertThat(metadata.get("adapter_type").asText()).isEqualTo("duckdb");

        assertThat(names(manifest.get("nodes"))).containsExactlyInAnyOrder(
                "model.shop.fct_orders", "model.shop.stg_customers", "model.shop.stg_orders",
                "seed.shop.countries",
                "test.shop.unique_fct_orders_order_id", "test.shop.not_null_fct_orders_order_id",
                "test.shop.accepted_values_fct_orders_country__Germany__France",
                "test.shop.relationships_fct_orders_country__name__ref__countries__",
                "test.shop.source_not_null_raw_orders_order_id", "test.shop.assert_no_negative_amounts");
        assertThat(names(manifest.get("sources")))
                .containsExactlyInAnyOrder("source.shop.raw.orders", "source.shop.raw.customers");
        assertThat(names(manifest.get("unit_tests"))).containsExactly("unit_test.shop.stg_orders.converts_cents");
        assertThat(names(manifest.get("exposures"))).containsExactly("exposure.shop.revenue_dashboard");
        assertThat(names(manifest.get("macros"))).containsExactly("macro.shop.cents_to_units");
        assertThat(manifest.at("/docs/doc.shop.order_grain/block_contents").asText()).isEqualTo("One row per order.");

        JsonNode model = manifest.at("/nodes/model.shop.fct_orders");
        assertThat(model.get("unique_id").asText()).isEqualTo("model.shop.fct_orders");
        assertThat(model.get("resource_type").asText()).isEqualTo("model");
        assertThat(model.get("package_name").asText()).isEqualTo("shop");
        assertThat(model.get("original_file_path").asText()).isEqualTo("models/marts/fct_orders.sql");
        assertThat(model.get("patch_path").asText()).isEqualTo("models/schema.yml");
        assertThat(texts(model.get("fqn"))).containsExactly("shop", "marts", "fct_orders");
        assertThat(model.get("raw_code").asText())
                .isEqualTo(Files.readString(project.resolve("models/marts/fct_orders.sql")));
        assertThat(model.get("compiled_code").asText())
                .isEqualTo(Files.readString(project.resolve("target/compiled/models/marts/fct_orders.sql")));
        assertThat(model.at("/checksum/name").asText()).isEqualTo("sha256");
        assertThat(model.at("/checksum/checksum").asText()).hasSize(64);
        assertThat(model.at("/config/materialized").asText()).isEqualTo("incremental");
        assertThat(texts(model.at("/config/unique_key"))).containsExactly("order_id");
        assertThat(texts(model.get("tags"))).containsExactly("dashboard", "finance");
        assertThat(model.get("description").asText()).isEqualTo("Orders with their country. One row per order.");
        assertThat(model.at("/columns/order_id/description").asText()).isEqualTo("The order.");
        assertThat(texts(model.at("/depends_on/nodes"))).containsExactly("model.shop.stg_orders",
                "model.shop.stg_customers", "seed.shop.countries");
        assertThat(model.get("schema").asText()).isEqualTo("main");
        assertThat(model.get("relation_name").asText()).isEqualTo("\"main\".\"fct_orders\"");

        assertThat(manifest.at("/nodes/model.shop.stg_customers/alias").asText()).isEqualTo("customers");
        assertThat(manifest.at("/nodes/seed.shop.countries/schema").asText()).isEqualTo("main_reference");
        assertThat(manifest.at("/sources/source.shop.raw.orders/relation_name").asText())
                .isEqualTo("read_parquet('data/orders/*.parquet')");
        assertThat(manifest.at("/sources/source.shop.raw.customers/relation_name").asText())
                .isEqualTo("\"landing\".\"customers\"");

        JsonNode accepted = manifest.at("/nodes/test.shop.accepted_values_fct_orders_country__Germany__France");
        assertThat(accepted.at("/config/severity").asText()).isEqualTo("warn");
        assertThat(accepted.at("/test_metadata/name").asText()).isEqualTo("accepted_values");
        assertThat(accepted.at("/test_metadata/kwargs/column_name").asText()).isEqualTo("country");
        assertThat(texts(accepted.at("/depends_on/nodes"))).containsExactly("model.shop.fct_orders");
        JsonNode relationships = manifest.at("/nodes/test.shop.relationships_fct_orders_country__name__ref__countries__");
        assertThat(texts(relationships.at("/depends_on/nodes")))
                .containsExactly("model.shop.fct_orders", "seed.shop.countries");

        assertThat(texts(manifest.at("/parent_map/model.shop.stg_orders"))).containsExactly("source.shop.raw.orders");
        assertThat(texts(manifest.at("/child_map/model.shop.fct_orders"))).containsExactlyInAnyOrder(
                "exposure.shop.revenue_dashboard", "test.shop.accepted_values_fct_orders_country__Germany__France",
                "test.shop.assert_no_negative_amounts", "test.shop.not_null_fct_orders_order_id",
                "test.shop.relationships_fct_orders_country__name__ref__countries__",
                "test.shop.unique_fct_orders_order_id");
        assertThat(texts(manifest.at("/unit_tests/unit_test.shop.stg_orders.converts_cents/depends_on/nodes")))
                .containsExactly("model.shop.stg_orders");
    }

    @Test
    void anUnchangedProjectIsNotRenderedAgainAndATouchedModelIs() throws IOException {
        assertThat(quarry("compile")).isZero();
        assertThat(quarry("compile")).isZero();
        assertThat(stdout()).contains("Compiled 9 nodes (0 rendered, 9 unchanged)").contains("0 changed files");

        Path model = project.resolve("models/staging/stg_customers.sql");
        Files.writeString(model, Files.readString(model) + "-- touched\n");
        assertThat(quarry("compile")).isZero();

        assertThat(stdout()).contains("Compiled 9 nodes (1 rendered, 8 unchanged)").contains("1 changed files");
        assertThat(Files.readString(project.resolve("target/compiled/models/staging/stg_customers.sql")))
                .endsWith("-- touched\n");
    }

    @Test
    void aGenericTestIsRenderedAgainOnlyWhenItsYamlChanges() throws IOException {
        assertThat(quarry("compile")).isZero();
        Path yaml = project.resolve("models/schema.yml");
        Files.writeString(yaml, Files.readString(yaml).replace("values: ['Germany', 'France']",
                "values: ['Germany', 'France', 'Spain']"));

        assertThat(quarry("compile")).isZero();

        assertThat(stdout()).contains("Compiled 9 nodes (1 rendered, 8 unchanged)");
        assertThat(Files.readString(project.resolve("target/compiled/models/schema.yml/"
                + "accepted_values_fct_orders_country__Germany__France__Spain.sql")))
                .contains("not in ('Germany', 'France', 'Spain')");
    }

    @Test
    void aChangedVarRendersAgain() throws IOException {
        assertThat(quarry("compile")).isZero();
        assertThat(quarry("compile", "--vars", "{min_amount: 99}")).isZero();

        assertThat(Files.readString(project.resolve("target/compiled/models/staging/stg_orders.sql")))
                .contains("where amount_cents >= 99");
    }

    @Test
    void selectionCompilesOnlyTheSelectedNodes() throws IOException {
        assertThat(quarry("compile", "-s", "+stg_orders")).isZero();

        assertThat(stdout()).contains("Compiled 2 nodes");
        assertThat(manifest().at("/nodes/model.shop.stg_orders/compiled").asBoolean()).isTrue();
        assertThat(manifest().at("/nodes/test.shop.source_not_null_raw_orders_order_id/compiled").asBoolean())
                .isTrue();
        assertThat(manifest().at("/nodes/model.shop.fct_orders/compiled").asBoolean()).isFalse();
    }

    @Test
    void anotherTargetCompilesForItsEngine() throws IOException {
        assertThat(quarry("compile", "--target", "warehouse")).isZero();

        assertThat(Files.readString(project.resolve("target/compiled/models/marts/fct_orders.sql")))
                .contains("from `shop-project`.`analytics_staging`.`stg_orders` as o");
    }

    @Test
    void sqlThatDoesNotParseIsAWarningAndUnderStrictAnError() throws IOException {
        Files.writeString(project.resolve("models/staging/stg_broken.sql"),
                "select order_id,\n  , amount\nfrom ${ref('stg_orders')}\n");

        assertThat(quarry("compile")).isZero();
        // JSqlParser blames the first comma of the select list.
        String warning = "models/staging/stg_broken.sql:1:16: warning: SQL does not parse: unexpected ',' at line 1, "
                + "column 16" + System.lineSeparator() + "  hint: the compiled SQL is in target/compiled/models/"
                + "staging/stg_broken.sql (line 1); if the engine accepts it, this warning can be ignored without "
                + "--strict" + System.lineSeparator();
        assertThat(fixture.stderr()).isEqualTo(warning);

        assertThat(quarry("compile", "--strict")).isEqualTo(3);
        assertThat(fixture.stderr()).isEqualTo(warning.replace(": warning: ", ": error: ")
                + "1 error; nothing was run." + System.lineSeparator());
    }

    @Test
    void eachDataTestWhoseSqlDoesNotParseIsAWarningAtItsYamlLine() throws IOException {
        Files.writeString(project.resolve("macros/checks.ftl"), """
                <#macro test_positive model column_name>select * from ${model} where ${column_name} <= 0</#macro>
                <#macro test_broken model column_name>select * from ${model} where (${column_name} > 0</#macro>
                """);
        Files.writeString(project.resolve("models/checks.yml"), """
                version: 2
                models:
                  - name: stg_orders
                    columns:
                      - name: amount
                        data_tests: [positive, broken]
                  - name: stg_customers
                    columns:
                      - name: customer_id
                        data_tests: [positive, broken]
                """);

        assertThat(quarry("compile")).isZero();

        // Both tests of the broken macro are reported, each where it is written; neither test of the other macro is.
        String hint = "  hint: the compiled SQL is in target/compiled/models/checks.yml/%s.sql (line 1); if the engine "
                + "accepts it, this warning can be ignored without --strict";
        assertThat(fixture.stderr().lines().toList()).containsExactly(
                "models/checks.yml:6:32: warning: SQL does not parse: unexpected end of input at line 1, column 59",
                hint.formatted("broken_stg_orders_amount"),
                "models/checks.yml:10:32: warning: SQL does not parse: unexpected end of input at line 1, column 63",
                hint.formatted("broken_stg_customers_customer_id"));
    }

    @Test
    void aTargetPathThatCannotBeWrittenIsAClearErrorNotABug() throws IOException {
        Files.writeString(project.resolve("target"), "a file where the target folder should be");

        assertThat(quarry("compile")).isEqualTo(3);

        assertThat(fixture.stderr()).isEqualTo("cannot write or read a file: " + project.resolve("target")
                + " exists and is not a folder" + System.lineSeparator() + "  hint: check that the project's "
                + "target path is writable and the disk is not full" + System.lineSeparator());
    }

    @Test
    void lsListsTheSelection() {
        assertThat(quarry("ls", "-s", "tag:finance", "--resource-type", "model", "--output", "name")).isZero();
        assertThat(stdout().lines().toList()).containsExactly("fct_orders");

        assertThat(quarry("ls", "-s", "fct_orders", "--resource-type", "test", "--output", "name")).isZero();
        assertThat(stdout().lines().toList()).containsExactly("unique_fct_orders_order_id",
                "not_null_fct_orders_order_id", "accepted_values_fct_orders_country__Germany__France",
                "relationships_fct_orders_country__name__ref__countries__", "assert_no_negative_amounts");

        assertThat(quarry("ls", "-s", "source:raw+", "--exclude", "resource_type:test", "resource_type:unit_test"))
                .isZero();
        assertThat(stdout().lines().toList()).containsExactly("shop.marts.fct_orders", "shop.staging.stg_customers",
                "shop.staging.stg_orders", "source:shop.raw.orders", "source:shop.raw.customers",
                "shop.revenue_dashboard");

        assertThat(quarry("ls", "-s", "path:models/staging", "--output", "path")).isZero();
        assertThat(stdout().lines().toList()).containsExactly("models/staging/stg_customers.sql",
                "models/staging/stg_orders.sql", "models/schema.yml");
    }

    @Test
    void lsPrintsJson() throws IOException {
        assertThat(quarry("ls", "-s", "stg_customers", "--exclude", "resource_type:test", "-o", "json")).isZero();

        JsonNode node = new ObjectMapper().readTree(stdout().strip());
        assertThat(node.get("unique_id").asText()).isEqualTo("model.shop.stg_customers");
        assertThat(node.at("/config/alias").asText()).isEqualTo("customers");
    }

    @Test
    void cleanRemovesTheTargetDirectory() {
        assertThat(quarry("compile")).isZero();
        assertThat(quarry("clean")).isZero();

        assertThat(project.resolve("target")).doesNotExist();
    }

    @Test
    void versionPrintsTheVersion() {
        assertThat(quarry("--version")).isZero();
        assertThat(stdout()).startsWith("quarry ").doesNotContain("unknown");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
