package dev.quarry.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.quarry.adapter.RelationType;
import dev.quarry.catalog.Catalog;
import dev.quarry.catalog.CatalogColumn;
import dev.quarry.catalog.CatalogTable;
import dev.quarry.compile.ManifestNode;
import dev.quarry.execute.NodeResult;
import dev.quarry.execute.NodeStatus;
import dev.quarry.execute.RunResults;
import dev.quarry.graph.ResourceType;

/**
 * The site data of a small project made by hand (a seed, a staging model with a column test, a mart that was never
 * built) read back as the browser would: each file a call of {@code window.quarrySite.<function>} with JSON.
 */
class SiteDataWriterTest {

    private static final String SCRIPT = "<script>alert(1)</script>";

    @TempDir
    Path site;

    private final ManifestNode seed = SiteNodes.seed("raw_orders");
    private final ManifestNode staging = SiteNodes.model("stg_orders", "view",
            "Orders, one row each.\n\nSee " + SCRIPT + " for more.",
            List.of(SiteNodes.column("order_id", "The order's key.", "integer"),
                    SiteNodes.column("legacy_code", "Only declared.", null)),
            seed.uniqueId());
    private final ManifestNode mart = SiteNodes.model("fct_revenue", "table", "Revenue by day.", List.of(),
            staging.uniqueId());
    private final ManifestNode test = SiteNodes.columnTest("not_null", staging, "order_id");
    private final List<ManifestNode> nodes = List.of(seed, staging, mart, test);

    @Test
    void writesTheIndexWithEveryNodeAndItsSearchTerms() throws IOException {
        SiteData data = write();

        JsonNode index = read(site.resolve("data/index.js"), "index");
        assertThat(data.nodes()).isEqualTo(4);
        assertThat(index.at("/project").asText()).isEqualTo("shop");
        assertThat(fields(index.at("/nodes"), "uid")).containsExactly(seed.uniqueId(),
                staging.uniqueId(), mart.uniqueId(), test.uniqueId());
        JsonNode entry = index.at("/nodes/1");
        assertThat(entry.at("/id").asInt()).isEqualTo(1);
        assertThat(entry.at("/type").asText()).isEqualTo("model");
        assertThat(entry.at("/name").asText()).isEqualTo("stg_orders");
        assertThat(entry.at("/path").asText()).isEqualTo("models/stg_orders.sql");
        assertThat(entry.at("/tags/0").asText()).isEqualTo("nightly");
        assertThat(entry.has("folders") || entry.has("fqn")).as("an fqn of package and name is left out").isFalse();
        assertThat(entry.at("/materialized").asText()).isEqualTo("view");
        // What the search results and the selectors do not read, and the usual values, stay out of the index.
        assertThat(entry.has("package")).as("the project's own package is left out").isFalse();
        assertThat(entry.has("description") || entry.has("status")).isFalse();
        JsonNode testEntry = index.at("/nodes/3");
        assertThat(testEntry.has("tags") || testEntry.has("materialized")).as("no tags, no materialization").isFalse();

        assertThat(search(index, "fct_re")).containsExactly(2);
        assertThat(search(index, "stg_or")).containsExactly(1, 3); // the test's name has the model's in it
        assertThat(search(index, "ord")).contains(1, 3);
        assertThat(search(index, "amount")).containsExactly(1); // a column only the catalog knows
        assertThat(search(index, "legacy")).containsExactly(1); // a column only the YAML declares
        assertThat(search(index, "revenue day")).containsExactly(2);
        assertThat(search(index, "nightly")).containsExactly(1, 2);
        assertThat(search(index, "zzz")).isEmpty();
    }

    @Test
    void writesEachNodesPageWithColumnsTestsDependenciesAndItsLastRun() throws IOException {
        write();

        JsonNode shard = read(site.resolve("data/nodes/0.js"), "nodes");
        assertThat(shard.at("/shard").asInt()).isZero();
        List<String> ids = new ArrayList<>();
        shard.at("/nodes").forEach(node -> ids.add(node.at("/unique_id").asText()));
        assertThat(ids).containsExactly(seed.uniqueId(), staging.uniqueId(), mart.uniqueId(), test.uniqueId());
        JsonNode page = shard.at("/nodes/1");
        assertThat(page.at("/description").asText()).isEqualTo("Orders, one row each.\n\nSee " + SCRIPT
                + " for more.");
        assertThat(Files.readString(site.resolve("data/nodes/0.js"))).contains(SCRIPT);
        assertThat(fields(page.at("/columns"), "name"))
                .containsExactly("order_id", "amount", "legacy_code");
        assertThat(page.at("/columns/0/type").asText()).isEqualTo("INTEGER");
        assertThat(page.at("/columns/0/index").asInt()).isEqualTo(1);
        assertThat(page.at("/columns/0/data_type").asText()).isEqualTo("integer");
        assertThat(page.at("/columns/0/description").asText()).isEqualTo("The order's key.");
        assertThat(page.at("/columns/0/tests/0/name").asText()).isEqualTo("not_null");
        assertThat(page.at("/columns/0/tests/0/status").asText()).isEqualTo("pass");
        assertThat(page.at("/columns/1/tests")).isEmpty();
        assertThat(page.at("/columns/2/type").isNull()).isTrue();
        assertThat(page.at("/catalog/type").asText()).isEqualTo("view");
        assertThat(page.at("/config/materialized").asText()).isEqualTo("view");
        assertThat(page.at("/depends_on/0").asText()).isEqualTo(seed.uniqueId());
        assertThat(texts(page.at("/referenced_by"))).containsExactly(mart.uniqueId(), test.uniqueId());
        assertThat(page.at("/raw_code").asText()).contains("stg_orders");
        assertThat(page.at("/run/status").asText()).isEqualTo("success");
        assertThat(page.at("/run/message").asText()).isEqualTo("created view main.stg_orders");
        assertThat(page.at("/run/execution_time").asDouble()).isEqualTo(1.5);
        assertThat(shard.at("/nodes/2/catalog/error").asText()).contains("does not exist");
        assertThat(shard.at("/nodes/2/run").isNull()).isTrue();
    }

    @Test
    void writesEachNodesParentsAndChildren() throws IOException {
        write();

        JsonNode graph = read(site.resolve("data/graph/0.js"), "graph");
        assertThat(graph.at("/nodes/0/parents")).isEmpty();
        assertThat(ints(graph.at("/nodes/0/children"))).containsExactly(1);
        assertThat(ints(graph.at("/nodes/1/parents"))).containsExactly(0);
        assertThat(ints(graph.at("/nodes/1/children"))).containsExactly(2, 3);
        assertThat(ints(graph.at("/nodes/2/parents"))).containsExactly(1);
        assertThat(graph.at("/nodes/3/children")).isEmpty();
    }

    @Test
    void writesFiveThousandNodesInShardsAndDropsTheShardsOfALargerEarlierProject() throws IOException {
        List<ManifestNode> large = new ArrayList<>();
        large.add(seed);
        for (int model = 0; model < 5_000 - 1; model++) {
            String parent = model < 10 ? seed.uniqueId() : "model.shop.m" + (model / 10);
            large.add(SiteNodes.model("m" + model, "table", "Model number " + model + ".",
                    List.of(SiteNodes.column("c" + model, "", "integer"), SiteNodes.column("shared", "", null)),
                    parent));
        }
        SiteData data = new SiteDataWriter().write("big", large, null, null, site);

        assertThat(data.nodes()).isEqualTo(5_000);
        assertThat(data.nodeShards()).isEqualTo(313);
        assertThat(data.graphShards()).isEqualTo(20);
        JsonNode index = read(site.resolve("data/index.js"), "index");
        assertThat(index.at("/nodes")).hasSize(5_000);
        assertThat(search(index, "m4321")).containsExactly(4_322);
        assertThat(search(index, "c4320")).containsExactly(4_321);
        assertThat(search(index, "shared")).hasSize(4_999);
        JsonNode last = read(site.resolve("data/nodes/312.js"), "nodes");
        assertThat(last.at("/nodes/7/unique_id").asText()).isEqualTo("model.shop.m4998");
        JsonNode graph = read(site.resolve("data/graph/1.js"), "graph");
        assertThat(graph.at("/nodes/0/id").asInt()).isEqualTo(256);
        assertThat(ints(graph.at("/nodes/0/children"))).hasSize(10);

        new SiteDataWriter().write("shop", nodes, null, null, site);
        try (var files = Files.list(site.resolve("data/nodes"))) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("0.js");
        }
    }

    @Test
    void theIndexCarriesOnlyTheFqnPartsTheSiteCannotRebuild() {
        assertThat(SiteIndex.fqnFields(staging)).isEmpty();
        assertThat(SiteIndex.fqnFields(SiteNodes.renamed(staging, ResourceType.MODEL, "stg_orders",
                List.of("shop", "staging", "orders", "stg_orders"))))
                .isEqualTo(Map.of("folders", List.of("staging", "orders")));
        assertThat(SiteIndex.fqnFields(SiteNodes.renamed(seed, ResourceType.SOURCE, "raw.customers",
                List.of("shop", "raw", "customers")))).isEqualTo(Map.of("folders", List.of("raw")));
        assertThat(SiteIndex.fqnFields(SiteNodes.renamed(staging, ResourceType.MODEL, "stg_orders",
                List.of("other_package", "stg_orders")))).isEqualTo(Map.of("fqn", List.of("other_package",
                        "stg_orders")));
    }

    @Test
    void theReferenceLookupFindsNodesByPrefixesOfEveryWord() {
        SearchIndex index = SearchTerms.build(SiteGraph.of(nodes), Map.of());

        assertThat(index.terms()).isSorted().doesNotHaveDuplicates();
        assertThat(index.find("Stg_Ord")).containsExactly(1, 3);
        assertThat(index.find("order_id not")).containsExactly(3);
        assertThat(index.find("r")).contains(0, 1, 2);
        assertThat(index.find("revenue orders")).isEmpty();
        assertThat(index.find(" ")).isEmpty();
    }

    @Test
    void aNodeWithDocsShowFalseIsLeftOutOfTheSite() throws IOException {
        ManifestNode hidden = SiteNodes.model("int_orders_deduped", "view", "", List.of(), staging.uniqueId());
        hidden = new ManifestNode(hidden.uniqueId(), hidden.type(), hidden.name(), hidden.packageName(),
                hidden.path(), hidden.patchPath(), hidden.fqn(), hidden.rawCode(), hidden.compiledCode(),
                hidden.checksum(), Map.of("materialized", "view", "docs", Map.of("show", false)), hidden.tags(),
                hidden.description(), hidden.columns(), hidden.references(), hidden.dependsOn(), hidden.relation(),
                hidden.details());

        SiteData data = new SiteDataWriter().write("shop", List.of(seed, staging, hidden, mart), null, null, site);

        JsonNode index = read(site.resolve("data/index.js"), "index");
        assertThat(data.nodes()).isEqualTo(3);
        assertThat(fields(index.at("/nodes"), "uid")).containsExactly(seed.uniqueId(), staging.uniqueId(),
                mart.uniqueId());
        assertThat(search(index, "int_orders")).isEmpty();
    }

    private SiteData write() {
        CatalogTable stagingTable = new CatalogTable(staging.uniqueId(), RelationType.VIEW, null, "main",
                "stg_orders", List.of(new CatalogColumn("order_id", 1, "INTEGER"),
                        new CatalogColumn("amount", 2, "DECIMAL(10,2)")));
        Catalog catalog = new Catalog(Map.of(staging.uniqueId(), stagingTable), Map.of(),
                Map.of(mart.uniqueId(), "relation \"main\".\"fct_revenue\" does not exist"));
        Instant started = Instant.parse("2024-05-01T10:00:00Z");
        RunResults results = new RunResults(started, Duration.ofSeconds(3), List.of(
                new NodeResult(staging.uniqueId(), NodeStatus.SUCCESS, started, Duration.ofMillis(1500), -1,
                        "created view main.stg_orders", List.of(), Map.of()),
                new NodeResult(test.uniqueId(), NodeStatus.PASS, started, Duration.ofMillis(10), 0, "PASS",
                        List.of(), Map.of())), false);
        return new SiteDataWriter().write("shop", nodes, catalog, results, site);
    }

    /** The JSON argument of the file's single call of {@code window.quarrySite.<function>}. */
    static JsonNode read(Path file, String function) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String parsed = "window.quarrySite." + function + "(JSON.parse('";
        if (text.startsWith(parsed)) {
            assertThat(text).endsWith("'));\n");
            return new ObjectMapper().readTree(unescape(text.substring(parsed.length(), text.length() - 5)));
        }
        String literal = "window.quarrySite." + function + "(";
        assertThat(text).startsWith(literal).endsWith(");\n");
        return new ObjectMapper().readTree(text.substring(literal.length(), text.length() - 3));
    }

    /** The value of a single-quoted JavaScript string literal's content as ScriptFile escapes it. */
    static String unescape(String literal) {
        StringBuilder text = new StringBuilder(literal.length());
        for (int index = 0; index < literal.length(); index++) {
            char c = literal.charAt(index);
            if (c == '\\') {
                char next = literal.charAt(++index);
                if (next == 'u') {
                    text.append((char) Integer.parseInt(literal.substring(index + 1, index + 5), 16));
                    index += 4;
                } else {
                    text.append(next);
                }
            } else {
                assertThat(c).as("an unescaped quote or line separator ends the literal").isNotIn('\'', '\u2028',
                        '\u2029');
                text.append(c);
            }
        }
        return text.toString();
    }

    /** The lookup the UI does on the written index: every word a prefix of some term, results intersected. */
    private static Set<Integer> search(JsonNode index, String query) {
        JsonNode terms = index.at("/search/terms");
        Set<Integer> result = null;
        for (String word : query.toLowerCase().split("[^a-z0-9]+")) {
            Set<Integer> matches = new TreeSet<>();
            for (int term = 0; term < terms.size(); term++) {
                if (terms.get(term).asText().startsWith(word)) {
                    matches.addAll(ints(index.at("/search/ids/" + term)));
                }
            }
            if (result == null) {
                result = matches;
            } else {
                result.retainAll(matches);
            }
        }
        return result;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asInt()));
        return values;
    }

    /** A field of each object of an array, as text. */
    static List<String> fields(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.get(field).asText()));
        return values;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
