package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A model's or seed's {@code pre_hook}s and {@code post_hook}s from every config layer, as dbt has them: they add up,
 * the project folders' first (outer before inner), then the properties YAML's, then the model's own; each rendered
 * with {@code this}, and run around the model's build or the seed's load in that order.
 */
class HooksTest {

    @TempDir
    java.nio.file.Path dir;

    private TestProject layeredHooks() {
        return TestProject.in(dir)
                .file("quarry_project.yml", """
                        name: shop
                        profile: shop
                        models:
                          shop:
                            +pre_hook: "insert into audit values ('project')"
                            marts:
                              +pre_hook: "insert into audit values ('marts folder')"
                              +post_hook: "insert into audit values ('after ${this.identifier}')"
                        on-run-start:
                          - "create table if not exists audit (event varchar)"
                        """)
                .file("models/marts/_marts.yml", """
                        version: 2
                        models:
                          - name: orders
                            config:
                              pre_hook: ["insert into audit values ('yaml 1')", "insert into audit values ('yaml 2')"]
                        """)
                .file("models/marts/orders.sql", """
                        <@config materialized='table' pre_hook=r"insert into audit values ('${this.identifier}')" />
                        select 1 as id
                        """);
    }

    @Test
    void hooksFromEveryLayerAddUpInDbtsOrder() throws IOException {
        TestProject project = layeredHooks();

        TestProject.Result compile = project.run("compile");

        assertThat(compile.exitCode()).as(compile.stderr()).isZero();
        JsonNode node = new ObjectMapper().readTree(dir.resolve("target/manifest.json").toFile())
                .at("/nodes/model.shop.orders");
        assertThat(texts(node.at("/config/pre_hook"))).containsExactly("insert into audit values ('project')",
                "insert into audit values ('marts folder')", "insert into audit values ('yaml 1')",
                "insert into audit values ('yaml 2')", "insert into audit values ('${this.identifier}')");
        assertThat(texts(node.at("/rendered_pre_hook"))).last().isEqualTo("insert into audit values ('orders')");
        assertThat(texts(node.at("/rendered_post_hook"))).containsExactly(
                "insert into audit values ('after orders')");
    }

    @Test
    void aRunRunsThemAroundTheModelInThatOrder() throws IOException {
        TestProject project = layeredHooks();

        TestProject.Result run = project.run("run");

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        List<String> statements = Files.readAllLines(dir.resolve("target/run/models/marts/orders.sql")).stream()
                .filter(line -> line.startsWith("insert into audit") || line.startsWith("create table"))
                .toList();
        assertThat(statements).containsExactly("insert into audit values ('project');",
                "insert into audit values ('marts folder');", "insert into audit values ('yaml 1');",
                "insert into audit values ('yaml 2');", "insert into audit values ('orders');",
                "create table \"main\".\"orders__quarry_tmp\" as", "insert into audit values ('after orders');");
    }

    @Test
    void aSeedRunsItsHooksAroundItsLoad() throws IOException {
        TestProject project = TestProject.in(dir)
                .file("quarry_project.yml", """
                        name: shop
                        profile: shop
                        seeds:
                          shop:
                            +post_hook: "insert into audit select count(*) from ${this}"
                        on-run-start:
                          - "create table if not exists audit (event varchar)"
                        """)
                .file("seeds/_seeds.yml", """
                        version: 2
                        seeds:
                          - name: countries
                            config:
                              pre_hook: "insert into audit values ('loading ${this.identifier}')"
                        """)
                .file("seeds/countries.csv", "code,name\nfr,France\nde,Germany\n");

        TestProject.Result seed = project.run("seed");

        assertThat(seed.exitCode()).as(seed.stdout() + seed.stderr()).isZero();
        List<String> statements = Files.readAllLines(dir.resolve("target/run/seeds/countries.csv")).stream()
                .filter(line -> !line.isBlank()).toList();
        assertThat(statements.get(0)).isEqualTo("insert into audit values ('loading countries');");
        assertThat(statements.get(statements.size() - 1))
                .isEqualTo("insert into audit select count(*) from \"main\".\"countries\";");
    }

    @Test
    void anErrorInASeedsHookNamesWhereItIsSet() {
        TestProject project = TestProject.in(dir)
                .file("seeds/_seeds.yml", """
                        version: 2
                        seeds:
                          - name: countries
                            config:
                              post_hook: "select ${nope}"
                        """)
                .file("seeds/countries.csv", "code\nfr\n");

        TestProject.Result compile = project.run("compile");

        assertThat(compile.exitCode()).isEqualTo(3);
        assertThat(compile.stderr()).startsWith("seeds/_seeds.yml:5:18: error: post_hook[0], line 1, column 10: "
                + "undefined template variable 'nope'");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
