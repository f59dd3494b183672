package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compile after only model bodies changed patches the last one's output ({@link QuickCompile}); it must write what a
 * full compile writes, byte for byte but for the manifest's time and invocation id. Each case compares the two, and
 * says whether the compile was quick.
 */
class QuickCompileTest {

    private static final String PATCHED = "patched target/manifest.json";
    private static final String WROTE = "wrote target/manifest.json";

    @TempDir
    Path dir;

    @Test
    void aChangedModelBodyIsPatchedInAndMatchesAFullCompile() throws IOException {
        FixtureProject shop = compiled("shop");
        edit(shop, "models/marts/fct_orders.sql", "    o.amount,", "    o.amount, -- in units, \"quoted\" é");

        assertThat(shop.run("compile")).isZero();

        assertThat(shop.stdout()).contains("Compiled 9 nodes (1 rendered, 8 unchanged)", PATCHED,
                "and wrote 1 changed files under target/compiled");
        assertThat(read(shop, "target/compiled/models/marts/fct_orders.sql")).contains("o.amount, -- in units");
        assertSameAsFullCompile(shop);
    }

    @Test
    void manyQuickCompilesInARowKeepTheManifestRight() throws IOException {
        FixtureProject shop = compiled("shop");
        for (int round = 1; round <= 3; round++) {
            edit(shop, "models/marts/fct_orders.sql", "select", "select /* round " + round + " */");
            assertThat(shop.run("compile")).isZero();
            assertThat(shop.stdout()).contains(PATCHED);
        }
        edit(shop, "models/staging/stg_customers.sql", "select", "select /* also */");
        assertThat(shop.run("compile")).isZero();
        assertThat(shop.stdout()).contains(PATCHED);
        assertSameAsFullCompile(shop);
    }

    @Test
    void nothingChangedIsQuickToo() throws IOException {
        FixtureProject shop = compiled("shop");

        assertThat(shop.run("compile")).isZero();

        assertThat(shop.stdout()).contains("(0 rendered, 9 unchanged)", PATCHED, "and wrote 0 changed files");
        assertSameAsFullCompile(shop);
    }

    @Test
    void aModelWithAUnitTestIsPatchedInWithItsUnitTest() throws IOException {
        FixtureProject shop = compiled("shop");
        edit(shop, "models/staging/stg_orders.sql", "    order_id,", "    order_id, -- the key");

        assertThat(shop.run("compile")).isZero();

        assertThat(shop.stdout()).contains(PATCHED);
        assertThat(read(shop, "target/compiled/models/schema.yml/stg_orders/converts_cents.sql"))
                .contains("order_id, -- the key");
        assertSameAsFullCompile(shop);
    }

    @Test
    void aChangeThatBreaksAUnitTestIsCompiledInFull() throws IOException {
        FixtureProject shop = compiled("shop");
        edit(shop, "models/staging/stg_orders.sql", "from ${source('raw', 'orders')}",
                "from (select 1 as order_id, 1 as customer_id, 1000 as amount_cents, null as ordered_at) raw");

        assertThat(shop.run("compile")).isEqualTo(3);

        assertThat(shop.stderr()).contains("never reads source('raw', 'orders')");
    }

    @Test
    void aNewRefIsCompiledInFull() throws IOException {
        FixtureProject shop = compiled("shop");
        edit(shop, "models/staging/stg_customers.sql", "select", "select (select count(*) from ${ref('countries')})"
                + " as countries,");

        assertThat(shop.run("compile")).isZero();

        assertThat(shop.stdout()).contains(WROTE);
        assertThat(manifest(shop)).contains("\"seed.shop.countries\"");
        assertSameAsFullCompile(shop);
    }

    @Test
    void aChangedPropertiesFileOrANewModelIsCompiledInFull() throws IOException {
        FixtureProject shop = compiled("shop");
        edit(shop, "models/schema.yml", "description: The order.", "description: One order.");
        assertThat(shop.run("compile")).isZero();
        assertThat(shop.stdout()).contains(WROTE);
        assertThat(manifest(shop)).contains("One order.");

        write(shop, "models/marts/dim_countries.sql", "select name from ${ref('countries')}\n");
        assertThat(shop.run("compile")).isZero();
        assertThat(shop.stdout()).contains(WROTE, "Found 4 models");
        assertSameAsFullCompile(shop);
    }

    @Test
    void changedColumnsAreCompiledInFullForTheirTests() throws IOException {
        FixtureProject shop = compiled("shop");
        edit(shop, "models/marts/fct_orders.sql", "    c.name as country", "    c.name as country_name");

        assertThat(shop.run("compile")).as("the tests of column 'country' have no column").isEqualTo(3);

        assertThat(shop.stderr()).contains("models/schema.yml", "'country'");
    }

    @Test
    void aBodyThatNoLongerParsesIsCompiledInFullAndWarnedAbout() throws IOException {
        FixtureProject shop = compiled("shop");
        edit(shop, "models/marts/fct_orders.sql", "    o.amount,", "    o.amount,,");

        assertThat(shop.run("compile")).isZero();

        assertThat(shop.stdout()).contains(WROTE);
        assertThat(shop.stderr()).contains("models/marts/fct_orders.sql");
        edit(shop, "models/marts/fct_orders.sql", "    o.amount,,", "    o.amount,");
        assertThat(shop.run("compile")).isZero();
        assertThat(shop.stdout()).as("after a compile with warnings").contains(WROTE);
        assertThat(shop.run("compile")).isZero();
        assertThat(shop.stdout()).contains(PATCHED);
    }

    @Test
    void aManifestWrittenByAnotherCommandOrCompiledFilesDeletedMeanAFullCompile() throws IOException {
        FixtureProject shop = compiled("shop");
        assertThat(shop.run("compile", "--select", "fct_orders")).isZero();
        assertThat(shop.run("compile")).isZero();
        assertThat(shop.stdout()).as("after a compile of a selection").contains(WROTE);

        Files.delete(shop.root().resolve("target/compiled/models/staging/stg_orders.sql"));
        assertThat(shop.run("compile")).isZero();
        assertThat(shop.stdout()).as("after a compiled file was deleted").contains(WROTE);
        assertThat(shop.root().resolve("target/compiled/models/staging/stg_orders.sql")).exists();

        Files.writeString(shop.root().resolve("target/manifest.json"), "{}");
        assertThat(shop.run("compile")).isZero();
        assertThat(shop.stdout()).as("after the manifest changed").contains(WROTE);
        assertSameAsFullCompile(shop);
    }

    @Test
    void ephemeralModelsAndTheModelsInliningThemAreCompiledInFull() throws IOException {
        FixtureProject project = compiled("ephemeral");
        edit(project, "models/customer_totals.sql", "count(*) as orders", "count(*) as order_count");
        assertThat(project.run("compile")).isZero();
        assertThat(project.stdout()).as("an ephemeral model").contains(WROTE);

        edit(project, "models/marts/fct_customers.sql", "/* Customers", "/* All customers");
        assertThat(project.run("compile")).isZero();
        assertThat(project.stdout()).as("a model inlining one").contains(WROTE);

        edit(project, "models/marts/dim_statuses.sql", "select distinct", "select distinct /* each */");
        assertThat(project.run("compile")).isZero();
        assertThat(project.stdout()).as("a model without").contains(PATCHED);
        assertSameAsFullCompile(project);
    }

    @Test
    void modelsAUnitTestTakesAsInputArePatchedInToo(@TempDir Path other) throws IOException {
        TestProject project = TestProject.in(other)
                .file("models/a.sql", "select 1 as x\n")
                .file("models/b.sql", "select x from ${ref('a')}\n")
                .file("models/unit.yml", """
                        version: 2
                        models:
                          - name: a
                            columns: [{name: x, data_type: integer}]
                        unit_tests:
                          - name: keeps_x
                            model: b
                            given:
                              - input: "ref('a')"
                                rows: [{x: 1}]
                            expect:
                              rows: [{x: 1}]
                        """);
        assertThat(project.run("compile").exitCode()).isZero();
        String unitTest = Files.readString(other.resolve("target/compiled/models/unit.yml/b/keeps_x.sql"));

        project.file("models/a.sql", "select 1 as x -- one\n");
        assertThat(project.run("compile").stdout()).contains(PATCHED);
        assertThat(other.resolve("target/compiled/models/unit.yml/b/keeps_x.sql")).hasContent(unitTest);

        project.file("models/b.sql", "select x from ${ref('a')} -- every x\n");
        assertThat(project.run("compile").stdout()).contains(PATCHED);
        CompileOutputs outputs = CompileOutputs.of(other);
        assertThat(project.run("compile", "--no-cache").exitCode()).isZero();
        assertThat(CompileOutputs.of(other)).isEqualTo(outputs);
    }

    @Test
    void aModelWithHooksIsPatchedInButWhatUsesTheRunsTimeIsNot(@TempDir Path other) throws IOException {
        TestProject project = TestProject.in(other)
                .file("models/a.sql", "<@config post_hook=\"analyze ${this}\" />\nselect 1 as x\n")
                .file("models/b.sql", "select x from ${ref('a')}\n")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: b
                            description: "x, of a"
                        """);
        assertThat(project.run("compile").exitCode()).isZero();

        project.file("models/a.sql", "<@config post_hook=\"analyze ${this}\" />\nselect 1 as x -- one\n");
        assertThat(project.run("compile").stdout()).contains(PATCHED);
        CompileOutputs outputs = CompileOutputs.of(other);
        assertThat(project.run("compile", "--no-cache").exitCode()).isZero();
        assertThat(CompileOutputs.of(other)).isEqualTo(outputs);

        project.file("models/schema.yml", """
                version: 2
                models:
                  - name: b
                    description: "x, of a, as of ${run_started_at}"
                """);
        assertThat(project.run("compile").stdout()).contains(WROTE);
        project.file("models/b.sql", "select x from ${ref('a')} -- all\n");
        assertThat(project.run("compile").stdout()).as("a description shows the run's time").contains(WROTE);
    }

    @Test
    void filesLandingForASourceADescriptionAsksAboutMeanAFullCompile(@TempDir Path other) throws IOException {
        TestProject project = TestProject.in(other)
                .file("models/a.sql", "select 1 as x\n")
                .file("models/schema.yml", """
                        version: 2
                        sources:
                          - name: raw
                            tables:
                              - name: orders
                                external: {location: "data/orders/*.csv"}
                        models:
                          - name: a
                            description: "<#if source_has_files('raw', 'orders')>landed<#else>demo</#if>"
                        """);
        assertThat(project.run("compile").exitCode()).isZero();
        assertThat(Files.readString(other.resolve("target/manifest.json"))).contains("\"demo\"");

        project.file("data/orders/1.csv", "order_id\n1\n").file("models/a.sql", "select 1 as x -- one\n");
        assertThat(project.run("compile").stdout()).contains(WROTE);
        assertThat(Files.readString(other.resolve("target/manifest.json"))).contains("\"landed\"");
    }

    @Test
    void aChangedUnitTestFixtureFileIsCompiledInFull() throws IOException {
        FixtureProject quality = compiled("quality");
        edit(quality, "tests/fixtures/shipped_orders.csv", "11,1,returned,15", "11,1,returned,16");

        assertThat(quality.run("compile")).isZero();

        assertThat(quality.stdout()).contains(WROTE);
        assertThat(manifest(quality)).contains("11,1,returned,16");
        assertSameAsFullCompile(quality);
    }

    @Test
    void onlyTheEnvironmentVariablesTheProjectReadsMatter(@TempDir Path other) throws IOException {
        TestProject project = TestProject.in(other)
                .file("models/a.sql", "select '${env_var('REGION', 'none')}' as region\n")
                .file("models/b.sql", "select * from ${ref('a')}\n")
                .env("REGION", "eu").env("UNREAD", "1");
        assertThat(project.run("compile").exitCode()).isZero();

        project.file("models/b.sql", "select * from ${ref('a')} -- every column\n").env("UNREAD", "2");
        assertThat(project.run("compile").stdout()).contains(PATCHED);

        project.env("REGION", "us");
        assertThat(project.run("compile").stdout()).contains(WROTE);
        assertThat(Files.readString(other.resolve("target/compiled/models/a.sql"))).contains("'us'");
    }

    private FixtureProject compiled(String name) {
        FixtureProject project = FixtureProject.copy(name, dir);
        assertThat(project.run("compile")).as(project.stderr()).isZero();
        assertThat(project.stdout()).contains(WROTE);
        return project;
    }

    /** Compiles again in full, without the cache, and compares what it wrote with what was there. */
    private static void assertSameAsFullCompile(FixtureProject project) {
        CompileOutputs outputs = CompileOutputs.of(project.root());

        assertThat(project.run("compile", "--no-cache")).isZero();

        assertThat(CompileOutputs.of(project.root())).isEqualTo(outputs);
    }

    private static String manifest(FixtureProject project) throws IOException {
        return read(project, "target/manifest.json");
    }

    private static void edit(FixtureProject project, String path, String from, String to) throws IOException {
        String text = read(project, path);
        assertThat(text).contains(from);
        write(project, path, text.replace(from, to));
    }

    private static void write(FixtureProject project, String path, String text) throws IOException {
        Files.writeString(project.root().resolve(path), text, StandardCharsets.UTF_8);
    }

    private static String read(FixtureProject project, String path) throws IOException {
        return Files.readString(project.root().resolve(path), StandardCharsets.UTF_8);
    }
}
