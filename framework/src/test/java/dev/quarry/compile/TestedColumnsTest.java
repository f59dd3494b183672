package dev.quarry.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.quarry.error.Diagnostics;
import dev.quarry.graph.ResourceType;
import dev.quarry.template.Relation;

class TestedColumnsTest {

    private final ManifestNode model = node(ResourceType.MODEL, "model.shop.orders", "orders",
            "select id, total from \"main\".\"raw_orders\"", Map.of());
    private final ManifestNode onStatus = columnTest("not_null_orders_status", "status");
    private final ManifestNode onTotal = columnTest("not_null_orders_total", "total");
    private final Map<String, ManifestNode> nodes = Map.of(model.uniqueId(), model, onStatus.uniqueId(), onStatus,
            onTotal.uniqueId(), onTotal);

    @Test
    void aTestedColumnTheModelDoesNotReturnIsAnErrorAtTheTestsYamlLine() {
        Diagnostics diagnostics = new Diagnostics();

        new TestedColumns(diagnostics, Map.of()).check(nodes, nodes.keySet());

        assertThat(diagnostics.sorted()).singleElement().satisfies(error -> {
            assertThat(error.message()).contains("'status'", "returns id, total");
            assertThat(error.location().file()).isEqualTo("models/schema.yml");
            assertThat(error.location().line()).isEqualTo(7);
        });
    }

    @Test
    void theColumnsTheCompilePassFoundAreUsedInsteadOfParsingAgain() {
        Diagnostics diagnostics = new Diagnostics();

        // As cached by an earlier compile: the model returns status and total (its SQL is not read again).
        new TestedColumns(diagnostics, Map.of(model.uniqueId(), Optional.of(List.of("status", "total"))))
                .check(nodes, Set.of(onStatus.uniqueId(), onTotal.uniqueId()));

        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void aModelWhoseColumnsCannotBeNamedForSureIsNotChecked() {
        Diagnostics diagnostics = new Diagnostics();

        new TestedColumns(diagnostics, Map.of(model.uniqueId(), Optional.empty())).check(nodes, nodes.keySet());

        assertThat(diagnostics.sorted()).isEmpty();
    }

    private ManifestNode columnTest(String name, String column) {
        return node(ResourceType.DATA_TEST, "test.shop." + name, name, "select 1",
                Map.of("test_metadata", Map.of("name", "not_null", "kwargs", Map.of("column_name", column)),
                        "attached_node", "model.shop.orders", "column_name", column,
                        "defined_at", "models/schema.yml:7:11"));
    }

    private static ManifestNode node(ResourceType type, String uniqueId, String name, String sql,
            Map<String, Object> details) {
        Relation relation = type == ResourceType.MODEL ? new Relation(null, "main", name, "\"main\".\"" + name + "\"")
                : null;
        return new ManifestNode(uniqueId, type, name, "shop", "models/" + name + ".sql", null, List.of("shop", name),
                sql, sql, "checksum", Map.of(), List.of(), "", List.of(), List.of(), List.of(), relation, details);
    }
}
