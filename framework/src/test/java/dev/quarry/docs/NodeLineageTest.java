package dev.quarry.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.quarry.adapter.RelationType;
import dev.quarry.catalog.Catalog;
import dev.quarry.catalog.CatalogColumn;
import dev.quarry.catalog.CatalogTable;
import dev.quarry.compile.ManifestNode;

/**
 * Column lineage on the node pages of a small project made by hand: a seed in the catalog, a staging model known
 * only by its SQL and YAML, and a mart selecting {@code c.*} from it (expanded from the YAML) joined to a relation
 * outside the project.
 */
class NodeLineageTest {

    @TempDir
    Path site;

    private final ManifestNode seed = SiteNodes.seed("raw_customers");
    private final ManifestNode staging = SiteNodes.model("stg_customers",
            "select id as customer_id, first_name || ' ' || last_name as customer_name, 'csv' as origin\n"
                    + "from \"main\".\"raw_customers\"",
            List.of(SiteNodes.column("customer_id", "The key.", null),
                    SiteNodes.column("customer_name", "", null)),
            seed.uniqueId());
    private final ManifestNode mart = SiteNodes.model("customer_regions",
            "select c.*, o.region, count(*) as visits\nfrom \"main\".\"stg_customers\" as c\n"
                    + "join \"ext\".\"regions\" as o on o.customer_id = c.customer_id\ngroup by all",
            List.of(), staging.uniqueId());
    private final ManifestNode broken = SiteNodes.model("unknown_star", "select * from \"ext\".\"unknown\"",
            List.of());

    @Test
    void eachColumnNamesItsUpstreamColumnsTheirNodesAndHow() throws IOException {
        JsonNode pages = write();

        JsonNode stagingPage = pages.at("/nodes/1");
        assertThat(stagingPage.at("/lineage_problems")).isEmpty();
        assertThat(SiteDataWriterTest.fields(stagingPage.at("/columns"), "name"))
                .containsExactly("customer_id", "customer_name", "origin");
        JsonNode customerId = stagingPage.at("/columns/0/lineage");
        assertThat(customerId.at("/kind").asText()).isEqualTo("direct");
        assertThat(customerId.at("/sources")).hasSize(1);
        assertThat(customerId.at("/sources/0/id").asInt()).isZero();
        assertThat(customerId.at("/sources/0/relation").asText()).isEqualTo("main.raw_customers");
        assertThat(customerId.at("/sources/0/column").asText()).isEqualTo("id");
        JsonNode name = stagingPage.at("/columns/1/lineage");
        assertThat(name.at("/kind").asText()).isEqualTo("derived");
        assertThat(SiteDataWriterTest.fields(name.at("/sources"), "column")).containsExactly("first_name",
                "last_name");
        assertThat(stagingPage.at("/columns/2/lineage/kind").asText()).isEqualTo("constant");
        assertThat(stagingPage.at("/columns/2/lineage/sources")).isEmpty();

        JsonNode martPage = pages.at("/nodes/2");
        assertThat(martPage.at("/lineage_problems")).isEmpty();
        assertThat(SiteDataWriterTest.fields(martPage.at("/columns"), "name"))
                .containsExactly("customer_id", "customer_name", "region", "visits");
        assertThat(martPage.at("/columns/0/lineage/kind").asText()).isEqualTo("direct");
        assertThat(martPage.at("/columns/0/lineage/sources/0/id").asInt()).isEqualTo(1);
        assertThat(martPage.at("/columns/0/lineage/sources/0/column").asText()).isEqualTo("customer_id");
        assertThat(martPage.at("/columns/2/lineage/sources/0/id").isNull()).isTrue();
        assertThat(martPage.at("/columns/2/lineage/sources/0/relation").asText()).isEqualTo("ext.regions");
        assertThat(martPage.at("/columns/3/lineage/kind").asText()).isEqualTo("derived");

        assertThat(pages.at("/nodes/0/lineage_problems").isNull()).isTrue();
        assertThat(pages.at("/nodes/0/columns/0/lineage").isNull()).isTrue();
        assertThat(pages.at("/nodes/3/lineage_problems/0").asText()).contains("ext.unknown");
    }

    private JsonNode write() throws IOException {
        CatalogTable seedTable = new CatalogTable(seed.uniqueId(), RelationType.TABLE, null, "main",
                "raw_customers", List.of(new CatalogColumn("id", 1, "INTEGER"),
                        new CatalogColumn("first_name", 2, "VARCHAR"), new CatalogColumn("last_name", 3, "VARCHAR")));
        Catalog catalog = new Catalog(Map.of(seed.uniqueId(), seedTable), Map.of(), Map.of());
        new SiteDataWriter().write("shop", List.of(seed, staging, mart, broken), catalog, null, site);
        return SiteDataWriterTest.read(site.resolve("data/nodes/0.js"), "nodes");
    }
}
