package dev.quarry.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quarry.browser.HeadlessChromium;
import dev.quarry.browser.Page;
import dev.quarry.cli.DocsProject;

/**
 * The generated site of the built {@code jaffle} fixture in headless Chromium, opened from {@code file://}: search,
 * a node's page with its columns and where they come from, the lineage graph with the parents, a hostile description
 * shown as text, a column's upstream link opening the upstream model's page, and highlighted SQL.
 */
class DocsSiteBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TempDir
    static Path project;

    private static boolean generated;

    @BeforeAll
    static void generate() {
        if (HeadlessChromium.findBinary().isPresent()) {
            DocsProject.generate(project);
            generated = true;
        }
    }

    /** A started browser, or the test is skipped (no chromium installed). */
    private static HeadlessChromium chromium() {
        Optional<HeadlessChromium> started = HeadlessChromium.start();
        Assumptions.assumeTrue(started.isPresent() && generated, HeadlessChromium.NOT_INSTALLED);
        return started.get();
    }

    /** The site with a route ({@code ""} for the home page; a hash already URI-encoded). */
    private static Page openSite(HeadlessChromium chromium, String hash) {
        Page page = chromium.open(URI.create(project.resolve("target/site/index.html").toUri() + hash));
        page.setViewport(1280, 1000);
        page.waitFor("document.getElementById('summary').textContent.includes('model')", WAIT);
        return page;
    }

    @Test
    void searchOpensAModelPageWithColumnsGraphAndSafeDescription() throws Exception {
        try (HeadlessChromium chromium = chromium()) {
            Page page = openSite(chromium, "");

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

            Files.createDirectories(SCREENSHOTS);
            assertThat(page.screenshot(SCREENSHOTS.resolve("docs-customer_orders.png"))).isNotEmptyFile();
            assertThat(page.consoleErrors()).isEmpty();
            assertThat(page.evaluate("typeof window.pwned")).isEqualTo("undefined");

            // The upstream column's link opens the upstream model's page.
            page.evaluate(comesFrom("customer_id") + ".querySelector('a').click() || true");
            page.waitFor("document.querySelector('#node h1')?.textContent === 'stg_customers'", WAIT);
            assertThat(page.evaluate("location.hash")).asString().startsWith("#node/");
            assertThat(page.consoleErrors()).isEmpty();
        }
    }

    @Test
    void sqlIsHighlightedAndStaysText() {
        try (HeadlessChromium chromium = chromium()) {
            Page page = openSite(chromium, "");
            page.evaluate("location.hash = '#node/' + window.quarrySite.siteIndex.nodes"
                    + ".find(n => n.name === 'customer_orders').id");
            page.waitFor("document.querySelector('#node h1')?.textContent === 'customer_orders'", WAIT);
            // Highlighted by highlight.js; the text is the SQL, unchanged, and no markup but the code and spans.
            assertThat(page.evaluate("document.querySelectorAll('#node pre.compiled-code .hljs-keyword').length"))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.INTEGER).isGreaterThan(3);
            assertThat(page.evaluate("[...document.querySelectorAll('#node pre.raw-code .hljs-keyword')]"
                    + ".map(k => k.textContent.toLowerCase())")).asList().contains("select", "from", "join");
            assertThat(page.evaluate("document.querySelector('#node pre.raw-code').textContent"))
                    .asString().startsWith("<@config post_hook=").contains("${ref('stg_customers')}");
            assertThat(page.evaluate("document.querySelectorAll('#node pre.raw-code *:not(span)').length"))
                    .isEqualTo(1);
            assertThat(page.consoleErrors()).isEmpty();
        }
    }

    /** The "Comes from" cell of a column of the page shown. */
    private static String comesFrom(String column) {
        return "[...document.querySelectorAll('#node .columns tr')].find(row => row.querySelector('.column-name')"
                + "?.textContent === '" + column + "').querySelector('.comes-from')";
    }
}
