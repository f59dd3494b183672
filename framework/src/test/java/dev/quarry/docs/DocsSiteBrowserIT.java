package dev.quarry.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quarry.browser.HeadlessChromium;
import dev.quarry.browser.Page;
import dev.quarry.cli.DocsProject;

/**
 * The generated site of the built {@code jaffle} fixture in headless Chromium, opened from {@code file://}: search,
 * a node's page with its columns and where they come from, the lineage graph with the parents, a hostile description
 * shown as text, and a column's upstream link opening the upstream model's page.
 */
class DocsSiteBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path project;

    @Test
    void searchOpensAModelPageWithColumnsGraphAndSafeDescription() throws Exception {
        Optional<HeadlessChromium> started = HeadlessChromium.start();
        Assumptions.assumeTrue(started.isPresent(), HeadlessChromium.NOT_INSTALLED);
        DocsProject.generate(project);
        try (HeadlessChromium chromium = started.get()) {
            Page page = chromium.open(project.resolve("target/site/index.html").toUri());
            page.setViewport(1280, 1000);
            page.waitFor("document.getElementById('summary').textContent.includes('model')", WAIT);

            page.type("#search", "customer_or");
            page.waitFor("document.querySelectorAll('#results a').length > 0", WAIT);
            assertThat(page.evaluate("document.querySelector('#results a').textContent"))
                    .isEqualTo("modelcustomer_orders");
            page.click("#results a");
            page.waitFor("document.querySelector('#node h1')?.textContent === 'customer_orders'", WAIT);
            assertThat(page.evaluate("[...document.querySelectorAll('#node .column-name')].map(c => c.textContent)"))
                    .isEqualTo(List.of("customer_id", "customer_name", "order_count", "total_amount"));
            assertThat(page.evaluate("document.querySelector('#node .columns').textContent"))
                    .asString().contains("not_null: pass").contains("The customer's id, from stg_customers.");
            assertThat(page.evaluate(comesFrom("customer_id") + ".textContent"))
                    .isEqualTo("stg_customers.customer_id direct");
            assertThat(page.evaluate(comesFrom("total_amount") + ".textContent"))
                    .isEqualTo("stg_orders.amount derived");
            assertThat(page.evaluate("document.querySelectorAll('#node .lineage-problems').length")).isEqualTo(0);

            page.waitFor("window.quarrySite.cy && window.quarrySite.cy.nodes().length >= 3", WAIT);
            assertThat(page.evaluate("window.quarrySite.cy.nodes().map(n => n.data('label')).sort()"))
                    .asList().contains("customer_orders", "stg_customers", "stg_orders");
            assertThat(page.evaluate("window.quarrySite.cy.edges().map(e => e.source().data('label') + '>'"
                    + " + e.target().data('label')).sort()"))
                    .asList().contains("stg_customers>customer_orders", "stg_orders>customer_orders");

            assertThat(page.evaluate("document.querySelector('#node .description').textContent"))
                    .asString().contains(DocsProject.HOSTILE);
            assertThat(page.evaluate("document.querySelector('#node .description strong').textContent"))
                    .isEqualTo("per customer");
            assertThat(page.evaluate("document.querySelectorAll('#node script, #node img').length")).isEqualTo(0);
            assertThat(page.evaluate("typeof window.pwned")).isEqualTo("undefined");

            // Expanding a parent brings in its own parent (the seed), loaded from its graph shard.
            page.evaluate("window.quarrySite.cy.getElementById(window.quarrySite.cy.nodes()"
                    + ".filter(n => n.data('label') === 'stg_orders')[0].id()).emit('tap') && true");
            page.waitFor("window.quarrySite.cy.nodes().some(n => n.data('label') === 'orders')", WAIT);

            Path screenshots = Path.of("target/screenshots");
            Files.createDirectories(screenshots);
            assertThat(page.screenshot(screenshots.resolve("docs-customer_orders.png"))).isNotEmptyFile();
            assertThat(page.consoleErrors()).isEmpty();
            assertThat(page.evaluate("typeof window.pwned")).isEqualTo("undefined");

            // The upstream column's link opens the upstream model's page.
            page.evaluate(comesFrom("customer_id") + ".querySelector('a').click() || true");
            page.waitFor("document.querySelector('#node h1')?.textContent === 'stg_customers'", WAIT);
            assertThat(page.evaluate("location.hash")).asString().startsWith("#node/");
            assertThat(page.consoleErrors()).isEmpty();
        }
    }

    /** The "Comes from" cell of a column of the page shown. */
    private static String comesFrom(String column) {
        return "[...document.querySelectorAll('#node .columns tr')].find(row => row.querySelector('.column-name')"
                + "?.textContent === '" + column + "').querySelector('.comes-from')";
    }
}
