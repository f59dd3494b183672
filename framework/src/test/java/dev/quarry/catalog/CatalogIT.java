package dev.quarry.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.quarry.adapter.Dialects;
import dev.quarry.adapter.EngineAdapter;
import dev.quarry.adapter.EngineSession;
import dev.quarry.adapter.Engines;
import dev.quarry.adapter.RelationType;
import dev.quarry.artifacts.CatalogWriter;
import dev.quarry.cli.FixtureProject;
import dev.quarry.compile.CompileCache;
import dev.quarry.compile.CompileOptions;
import dev.quarry.compile.CompiledProject;
import dev.quarry.compile.Compiler;
import dev.quarry.error.Diagnostics;
import dev.quarry.project.LoadOptions;
import dev.quarry.project.Project;
import dev.quarry.project.ProjectLoader;

/**
 * The catalog of the fixture project {@code projects/jaffle}, built on DuckDB and H2 with a source, an ephemeral model
 * and a model added after the build: tables and views with their columns in order and the engine's types, the
 * ephemeral model left out, the unbuilt model and the missing source as errors, and {@code catalog.json} in dbt's
 * shape.
 */
class CatalogIT {

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "h2"})
    void readsAndWritesTheCatalogOfABuiltProject(String engine) throws Exception {
        FixtureProject fixture = FixtureProject.copy("jaffle", folder);
        Files.writeString(folder.resolve("models/staging/_sources.yml"), """
                version: 2
                sources:
                  - name: raw
                    schema: %s
                    tables:
                      - name: customers
                      - name: missing_table
                """.formatted(engine.equals("h2") ? "public_raw" : "main_raw"));
        Files.writeString(folder.resolve("models/staging/stg_countries.sql"),
                "<@config materialized='ephemeral' />\nselect distinct country from ${ref('customers')}\n");
        assertThat(fixture.runOn(engine, "build")).as(fixture.stdout() + fixture.stderr()).isZero();
        Files.writeString(folder.resolve("models/marts/not_built.sql"), "select 1 as one\n");

        CompiledProject compiled = compile(engine);
        Catalog catalog;
        try (EngineAdapter adapter = Engines.open(compiled.project().target(), folder);
                EngineSession session = adapter.openSession()) {
            catalog = new CatalogReader().read(compiled.nodes().values(), session);
        }

        assertThat(catalog.nodes()).containsOnlyKeys("seed.jaffle.customers", "seed.jaffle.orders",
                "model.jaffle.stg_customers", "model.jaffle.stg_orders", "model.jaffle.customer_orders",
                "model.jaffle.orders_incremental");
        CatalogTable staging = catalog.nodes().get("model.jaffle.stg_customers");
        assertThat(staging.type()).isEqualTo(RelationType.VIEW);
        assertThat(staging.name()).isEqualTo("stg_customers");
        assertThat(staging.columns()).extracting(CatalogColumn::name, CatalogColumn::index)
                .containsExactly(tuple("customer_id", 1), tuple("customer_name", 2), tuple("country", 3));
        CatalogTable mart = catalog.nodes().get("model.jaffle.customer_orders");
        assertThat(mart.type()).isEqualTo(RelationType.TABLE);
        assertThat(mart.columns()).extracting(CatalogColumn::name)
                .containsExactly("customer_id", "customer_name", "order_count", "total_amount");
        assertThat(mart.column("order_count").orElseThrow().type()).containsIgnoringCase("BIGINT");
        assertThat(catalog.sources()).containsOnlyKeys("source.jaffle.raw.customers");
        assertThat(catalog.errors()).containsOnlyKeys("model.jaffle.not_built", "source.jaffle.raw.missing_table");
        assertThat(catalog.errors().get("model.jaffle.not_built")).contains("not_built").contains("does not exist");

        Path file = new CatalogWriter().write(catalog, "invocation-1", folder.resolve("target"));
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.at("/metadata/invocation_id").asText()).isEqualTo("invocation-1");
        assertThat(json.at("/metadata/quarry_schema_version").asText()).endsWith("/catalog/v1.json");
        JsonNode node = json.at("/nodes/model.jaffle.stg_customers");
        assertThat(node.at("/unique_id").asText()).isEqualTo("model.jaffle.stg_customers");
        assertThat(node.at("/metadata/type").asText()).isEqualTo("view");
        assertThat(node.at("/metadata/schema").asText()).isEqualTo(staging.schema());
        assertThat(node.at("/metadata/name").asText()).isEqualTo("stg_customers");
        assertThat(List.of(node.at("/columns").fieldNames().next(), node.at("/columns/country/index").asInt()))
                .containsExactly("customer_id", 3);
        assertThat(node.at("/columns/customer_id/type").asText()).isEqualTo(staging.columns().get(0).type());
        assertThat(json.at("/nodes/model.jaffle.customer_orders/metadata/type").asText()).isEqualTo("table");
        assertThat(json.at("/sources/source.jaffle.raw.customers/columns/name/index").asInt()).isEqualTo(2);
        assertThat(json.at("/errors/model.jaffle.not_built").asText()).contains("does not exist");
        assertThat(json.has("nodes") && !json.at("/nodes").has("model.jaffle.stg_countries")).isTrue();
    }

    private CompiledProject compile(String engine) {
        Diagnostics diagnostics = new Diagnostics();
        Project project = new ProjectLoader(new LoadOptions(null, null, engine, Map.of(), Map.of()))
                .load(folder, diagnostics);
        CompileOptions options = new CompileOptions(List.of(), List.of(), Map.of(), "2024-01-01 00:00:00.000",
                "00000000-0000-0000-0000-000000000000", Set.of(), false, true);
        return new Compiler(Dialects.forType(engine), CompileCache.empty()).compile(project, options, diagnostics);
    }
}
