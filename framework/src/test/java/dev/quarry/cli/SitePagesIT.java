package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site pages that exposures ask for ({@code meta.site_page}), written by plugins from the warehouse at
 * {@code docs generate} and after {@code build}: here {@link RowCountPage} on the built {@code jaffle} fixture.
 */
class SitePagesIT {

    @TempDir
    Path project;

    private FixtureProject jaffle(String exposures) throws IOException {
        FixtureProject fixture = FixtureProject.copy("jaffle", project);
        Files.writeString(project.resolve("models/marts/_exposures.yml"), "version: 2\nexposures:\n" + exposures);
        return fixture;
    }

    @Test
    void buildWritesTheSiteAndTheExposuresPageFromTheWarehouse() throws IOException {
        FixtureProject fixture = jaffle("""
                  - name: order_counts
                    label: Orders
                    owner: {name: Ana}
                    depends_on: [ref('customer_orders'), ref('stg_orders')]
                    meta: {site_page: row_counts}
                  - name: elsewhere
                    owner: {name: Ana}
                    depends_on: [ref('customer_orders')]
                """);

        assertThat(fixture.run("build")).as(fixture.stdout() + fixture.stderr()).isZero();

        assertThat(fixture.stdout()).contains("open target/site/index.html")
                .contains("Wrote the page 'Orders'; open target/site/order_counts/index.html");
        assertThat(project.resolve("target/site/order_counts/index.txt"))
                .hasContent("Orders {customer_orders=3, stg_orders=3}");
        assertThat(project.resolve("target/site/elsewhere")).doesNotExist();
        assertThat(project.resolve("target/site/data/pages.js")).hasContent(
                "window.quarrySite.pages([{\"name\":\"order_counts\",\"label\":\"Orders\","
                        + "\"href\":\"order_counts/index.html\"}]);");
    }

    @Test
    void theSiteAfterABuildShowsTheSqlAsTheNextRunWouldRunIt() throws IOException {
        FixtureProject fixture = jaffle("");
        assertThat(fixture.run("build", "--no-docs")).isZero();
        String first = Files.readString(project.resolve("target/compiled/models/marts/orders_incremental.sql"));

        assertThat(fixture.run("docs", "generate")).as(fixture.stdout() + fixture.stderr()).isZero();

        // The first build created the table from scratch; now it exists, so is_incremental() holds, as in a run.
        assertThat(first).doesNotContain("max(ordered_at)");
        assertThat(project.resolve("target/compiled/models/marts/orders_incremental.sql")).content()
                .contains("where ordered_at >= (select max(ordered_at) from");
    }

    @Test
    void buildWithoutDocsWritesNoSite() throws IOException {
        FixtureProject fixture = jaffle("");

        assertThat(fixture.run("build", "--no-docs")).as(fixture.stdout() + fixture.stderr()).isZero();

        assertThat(fixture.stdout()).doesNotContain("target/site");
        assertThat(project.resolve("target/site")).doesNotExist();
    }

    @Test
    void aPageNoPluginWritesOrThatFailsIsAnErrorAtItsExposureAndTheRestIsWritten() throws IOException {
        FixtureProject fixture = jaffle("""
                  - name: nowhere
                    owner: {name: Ana}
                    depends_on: [ref('customer_orders')]
                    meta: {site_page: pie_charts}
                  - name: missing_input
                    owner: {name: Ana}
                    depends_on: [ref('customer_orders')]
                    meta: {site_page: row_counts, requires: stg_customers}
                  - name: fine
                    owner: {name: Ana}
                    depends_on: [ref('stg_customers')]
                    meta: {site_page: row_counts}
                """);
        assertThat(fixture.run("build", "--no-docs")).isZero();

        assertThat(fixture.run("docs", "generate")).isEqualTo(1);

        assertThat(fixture.stderr()).contains("models/marts/_exposures.yml:3:5: error: no plugin on the classpath "
                + "writes a site page of type 'pie_charts'; known: row_counts");
        assertThat(fixture.stderr()).contains("models/marts/_exposures.yml:7:5: error: the site page "
                + "'missing_input' could not be written: the exposure 'missing_input' must list "
                + "ref('stg_customers') under depends_on: the page reads it");
        assertThat(fixture.stderr()).doesNotContain("Exception");
        assertThat(project.resolve("target/site/fine/index.txt")).hasContent("fine {stg_customers=3}");
        assertThat(Files.readString(project.resolve("target/site/data/pages.js"))).contains("\"name\":\"fine\"")
                .doesNotContain("nowhere").doesNotContain("missing_input");
    }

    @Test
    void aPageOfRelationsNotBuiltSaysWhatTheEngineSaid() throws IOException {
        FixtureProject fixture = jaffle("""
                  - name: early
                    owner: {name: Ana}
                    depends_on: [ref('customer_orders')]
                    meta: {site_page: row_counts}
                """);

        assertThat(fixture.run("docs", "generate")).isEqualTo(1);

        assertThat(fixture.stderr()).contains("models/marts/_exposures.yml:3:5: error: the site page 'early' could "
                + "not be written: ").contains("customer_orders");
    }
}
