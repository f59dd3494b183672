package dev.quarry.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quarry.graph.ResourceType;
import dev.quarry.template.Relation;

class EphemeralModelsTest {

    private static final SqlDialect DUCKDB = new SqlDialect() {
        @Override
        public String type() {
            return "duckdb";
        }

        @Override
        public String quote(String identifier) {
            return "\"" + identifier + "\"";
        }
    };

    private static ManifestNode model(String name, String materialized, String... refs) {
        List<Reference> references = new ArrayList<>();
        for (String ref : refs) {
            references.add(ref.contains(".") ? Reference.source(ref.split("\\.")[0], ref.split("\\.")[1])
                    : Reference.ref(null, ref));
        }
        return new ManifestNode("model.p." + name, ResourceType.MODEL, name, "p", "models/" + name + ".sql", null,
                List.of("p", name), "select 1", null, "checksum", Map.of("materialized", materialized), List.of(),
                "", List.of(), references, List.of(), new Relation("db", "main", name, "\"db\".\"main\".\"" + name
                + "\""), Map.of());
    }

    private static List<String> names(List<ManifestNode> nodes) {
        return nodes.stream().map(ManifestNode::name).toList();
    }

    private static List<List<String>> waveNames(List<List<ManifestNode>> waves) {
        return waves.stream().map(EphemeralModelsTest::names).toList();
    }

    @Test
    void aChainIsInlinedInDependencyOrderAndCompiledInWaves() {
        ManifestNode a = model("a", "ephemeral", "raw.orders");
        ManifestNode b = model("b", "ephemeral", "a");
        ManifestNode c = model("c", "ephemeral", "b");
        ManifestNode top = model("top", "table", "c");
        EphemeralModels ephemerals = new EphemeralModels(List.of(top, c, b, a), DUCKDB);

        assertThat(names(ephemerals.ancestors(top))).containsExactly("a", "b", "c");
        assertThat(names(ephemerals.ancestors(c))).containsExactly("a", "b");
        assertThat(names(ephemerals.ancestors(a))).isEmpty();
        assertThat(waveNames(ephemerals.waves(List.of(top))))
                .containsExactly(List.of("a"), List.of("b"), List.of("c"), List.of("top"));
        assertThat(waveNames(ephemerals.waves(List.of(b)))).containsExactly(List.of("a"), List.of("b"), List.of());
    }

    @Test
    void aDiamondInlinesEachModelOnceAfterAllItsParents() {
        ManifestNode d = model("d", "ephemeral");
        ManifestNode b = model("b", "ephemeral", "d");
        ManifestNode c = model("c", "ephemeral", "d");
        ManifestNode a = model("a", "ephemeral", "b", "c");
        ManifestNode top = model("top", "view", "a", "d");
        EphemeralModels ephemerals = new EphemeralModels(List.of(a, b, c, d, top), DUCKDB);

        assertThat(names(ephemerals.ancestors(top))).containsExactly("d", "b", "c", "a");
        assertThat(waveNames(ephemerals.waves(List.of(top, d))))
                .containsExactly(List.of("d"), List.of("b", "c"), List.of("a"), List.of("top"));
        assertThat(ephemerals.refLeadingTo(top, "c")).isEqualTo("a");
        assertThat(ephemerals.refLeadingTo(top, "d")).isEqualTo("a");
        assertThat(ephemerals.refLeadingTo(b, "d")).isEqualTo("d");
    }

    @Test
    void aModelThatBuildsARelationEndsTheChain() {
        ManifestNode inner = model("inner", "ephemeral");
        ManifestNode table = model("table_between", "table", "inner");
        ManifestNode outer = model("outer", "ephemeral", "table_between");
        ManifestNode top = model("top", "incremental", "outer");
        EphemeralModels ephemerals = new EphemeralModels(List.of(inner, table, outer, top), DUCKDB);

        assertThat(names(ephemerals.ancestors(top))).containsExactly("outer");
        assertThat(names(ephemerals.ancestors(table))).containsExactly("inner");
        assertThat(waveNames(ephemerals.waves(List.of(top, table))))
                .containsExactly(List.of("outer", "inner"), List.of("top", "table_between"));
    }

    @Test
    void theCtesCarryTheOwnSqlOfEachInlinedModelOnceItIsCompiled() {
        ManifestNode a = model("a", "ephemeral");
        ManifestNode b = model("b", "ephemeral", "a");
        ManifestNode top = model("top", "table", "b", "a");
        EphemeralModels ephemerals = new EphemeralModels(List.of(a, b, top), DUCKDB);

        assertThat(ephemerals.ctes(a)).isEmpty();
        ephemerals.compiled(a, "select 1 as x");
        assertThat(ephemerals.ctes(top)).as("b is not compiled yet").isNull();
        ephemerals.compiled(b, "select x from __quarry__cte__a");
        ephemerals.compiled(top, "not recorded: top builds a table");

        assertThat(ephemerals.ctes(top)).containsExactly(
                new CteInjector.Cte("a", "__quarry__cte__a", "select 1 as x"),
                new CteInjector.Cte("b", "__quarry__cte__b", "select x from __quarry__cte__a"));
        assertThat(ephemerals.ctes(model("other", "table", "top"))).isEmpty();
    }

    @Test
    void refAndThisPrintTheCteNameOfAnEphemeralModel() {
        ManifestNode a = model("a", "ephemeral");
        ManifestNode odd = model("odd-name", "ephemeral");
        ManifestNode top = model("top", "table", "a");
        EphemeralModels ephemerals = new EphemeralModels(List.of(a, odd, top), DUCKDB);

        assertThat(ephemerals.relation("a")).isEqualTo(new Relation("db", "main", "__quarry__cte__a",
                "__quarry__cte__a"));
        assertThat(ephemerals.self(a)).isEqualTo(ephemerals.relation("a"));
        assertThat(ephemerals.relation("odd-name").rendered()).isEqualTo("\"__quarry__cte__odd-name\"");
        assertThat(ephemerals.relation("top")).isNull();
        assertThat(ephemerals.self(top)).isNull();
        assertThat(ephemerals.isEphemeral(a.withoutRelation())).isTrue();
        assertThat(ephemerals.isEphemeral(top)).isFalse();
    }

    @Test
    void withoutEphemeralModelsEverythingIsOneWave() {
        ManifestNode a = model("a", "view");
        ManifestNode b = model("b", "table", "a");
        EphemeralModels ephemerals = new EphemeralModels(List.of(a, b), DUCKDB);

        assertThat(ephemerals.isEmpty()).isTrue();
        assertThat(ephemerals.waves(List.of(a, b))).containsExactly(List.of(a, b));
        assertThat(ephemerals.ctes(b)).isEmpty();
    }
}
