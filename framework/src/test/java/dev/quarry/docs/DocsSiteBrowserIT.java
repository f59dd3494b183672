package dev.quarry.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quarry.browser.HeadlessChromium;
import dev.quarry.browser.Page;
import dev.quarry.cli.DocsProject;
import dev.quarry.cli.FixtureProject;

/**
 * The generated site of the built {@code jaffle} fixture in headless Chromium, opened from {@code file://}: search,
 * a node's page with its columns and where they come from, the lineage graph with the parents, a hostile description
 * shown as text, a column's upstream link opening the upstream model's page, highlighted SQL, the column lineage
 * graph, selectors selecting what {@code quarry ls} selects, and the lineage explorer; and a synthetic large site
 * whose graph walks load only the graph shards they reach.
 */
class DocsSiteBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TempDir
    static Path project;

    private static FixtureProject fixture;

    @BeforeAll
    static void generate() {
        if (HeadlessChromium.findBinary().isPresent()) {
            fixture = DocsProject.generate(project);
        }
    }

    /** A started browser, or the test is skipped (no chromium installed). */
    private static HeadlessChromium chromium() {
        Optional<HeadlessChromium> started = HeadlessChromium.start();
        Assumptions.assumeTrue(started.isPresent() && fixture != null, HeadlessChromium.NOT_INSTALLED);
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

    /** Selectors of every kind, each checked against what the command line selects on the same project. */
    private static final List<String> SELECTORS = List.of("+customer_orders", "1+customer_orders", "stg_*",
            "resource_type:seed", "tag:nightly", "stg_orders+1", "1+stg_orders", "@stg_customers",
            "stg_*,1+customer_orders", "resource_type:seed stg_orders", "+customer_orders --exclude resource_type:seed",
            "path:models/staging", "config.materialized:table", "fqn:jaffle.marts", "test_type:data",
            "customer_orders+,resource_type:model", "unique_id:model.jaffle.stg_orders+", "source:raw",
            "source:raw.customers", "source:r*", "resource_type:source", "fqn:jaffle.raw");

    @Test
    void selectorsSelectWhatTheCommandLineSelects() {
        try (HeadlessChromium chromium = chromium()) {
            Page page = openSite(chromium, "");
            assertThat(page.evaluate("window.quarrySite.loadedShards('graph')")).isEqualTo(List.of());
            for (String selector : SELECTORS) {
                assertThat(selectedNames(page, selector)).as(selector).isEqualTo(commandLineSelects(selector));
            }
            // What the command line selects, spelt out, so that the comparison cannot pass by both being wrong.
            assertThat(selectedNames(page, "+customer_orders")).containsExactly("customer_orders", "customers",
                    "not_null_customer_orders_customer_id", "orders", "stg_customers", "stg_orders",
                    "unique_customer_orders_customer_id");
            assertThat(selectedNames(page, "stg_orders+1")).containsExactly("customer_orders",
                    "not_null_customer_orders_customer_id", "orders_incremental", "stg_orders",
                    "unique_customer_orders_customer_id");
            assertThat(selectedNames(page, "1+customer_orders")).containsExactly("customer_orders",
                    "not_null_customer_orders_customer_id", "stg_customers", "stg_orders",
                    "unique_customer_orders_customer_id");
            assertThat(selectedNames(page, "stg_*,1+customer_orders")).containsExactly("stg_customers", "stg_orders");
            assertThat(selectedNames(page, "@stg_customers")).contains("not_built", "orders", "stg_orders")
                    .doesNotContain("orders_incremental");
            assertThat(selectedNames(page, "source:raw")).containsExactly("raw.customers");
            assertThat(page.evaluate("window.quarrySite.select('tag:').then(() => 'parsed', e => e.message)"))
                    .isEqualTo("bad selector 'tag:': no value after 'tag:'; write one, as in 'tag:nightly'");
            assertThat(page.consoleErrors()).isEmpty();
        }
    }

    /** The names the site's selector selects, sorted. */
    @SuppressWarnings("unchecked")
    private static List<String> selectedNames(Page page, String selector) {
        return (List<String>) page.evaluate("window.quarrySite.select(" + jsString(selector) + ").then(ids => ids"
                + ".map(id => window.quarrySite.siteIndex.nodes[id].name).sort())");
    }

    /** The names {@code quarry ls} lists for the same selector ({@code --exclude} and what follows it apart). */
    private static List<String> commandLineSelects(String selector) {
        String[] parts = selector.split(" --exclude ");
        List<String> arguments = new ArrayList<>(List.of("ls", "--output", "name", "-s", parts[0]));
        if (parts.length > 1) {
            arguments.addAll(List.of("--exclude", parts[1]));
        }
        assertThat(fixture.run(arguments.toArray(String[]::new))).as(fixture.stderr()).isZero();
        return Arrays.stream(fixture.stdout().split("\\R")).map(String::strip).filter(line -> !line.isEmpty())
                .sorted().toList();
    }

    private static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Test
    void explorerDrawsTheSelectionAndExplainsABadSelector() throws Exception {
        try (HeadlessChromium chromium = chromium()) {
            Page page = openSite(chromium, "");
            page.click("#explorer-link");
            page.waitFor("!document.getElementById('explorer').hidden", WAIT);
            page.type("#selector", "+customer_orders");
            page.click("#selector-show");
            page.waitFor("window.quarrySite.explorerCy && window.quarrySite.explorerCy.nodes().length === 5", WAIT);
            assertThat(page.evaluate("window.quarrySite.explorerCy.nodes().map(n => n.data('label')).sort()"))
                    .isEqualTo(List.of("customer_orders", "customers", "orders", "stg_customers", "stg_orders"));
            assertThat(page.evaluate(EDGES_OF + "(window.quarrySite.explorerCy)")).isEqualTo(List.of(
                    "customers>stg_customers", "orders>stg_orders", "stg_customers>customer_orders",
                    "stg_orders>customer_orders"));
            assertThat(page.evaluate("document.getElementById('selector-message').textContent"))
                    .isEqualTo("5 nodes and 2 tests (not drawn) selected. Click a node to pick it; double-click to"
                            + " open it.");
            assertThat(page.evaluate("location.hash")).isEqualTo("#graph/%2Bcustomer_orders");
            Files.createDirectories(SCREENSHOTS);
            assertThat(page.screenshot(SCREENSHOTS.resolve("docs-graph-filter.png"))).isNotEmptyFile();

            // Picking a node and asking for its descendants selects again.
            page.evaluate("window.quarrySite.explorerCy.nodes().filter(n => n.data('label') === 'stg_orders')"
                    + ".emit('tap') && true");
            page.waitFor("!document.getElementById('picked').hidden", WAIT);
            page.click("#picked button[data-focus='down']");
            page.waitFor("location.hash === '#graph/stg_orders%2B'", WAIT);
            page.waitFor("window.quarrySite.explorerCy && window.quarrySite.explorerCy.nodes().length === 3", WAIT);
            assertThat(page.evaluate(EDGES_OF + "(window.quarrySite.explorerCy)")).isEqualTo(List.of(
                    "stg_orders>customer_orders", "stg_orders>orders_incremental"));

            // A malformed selector is a message on the page, not an error in the console.
            page.evaluate("document.getElementById('selector').value = ''");
            page.type("#selector", "2++stg_orders");
            page.click("#selector-show");
            page.waitFor("document.getElementById('selector-message').classList.contains('error')", WAIT);
            assertThat(page.evaluate("document.getElementById('selector-message').textContent")).isEqualTo(
                    "bad selector '2++stg_orders': '+' appears twice before the name; write '+x' for all ancestors"
                            + " or '2+x' for two levels");
            assertThat(page.evaluate("window.quarrySite.explorerCy")).isNull();
            page.evaluate("document.getElementById('selector').value = ''");
            page.type("#selector", "tag:none");
            page.click("#selector-show");
            page.waitFor("document.getElementById('selector-message').textContent"
                    + " === 'Nothing matches this selector.'", WAIT);

            // A node page links to the explorer with its ancestors.
            page.evaluate("location.hash = '#node/' + window.quarrySite.siteIndex.nodes"
                    + ".find(n => n.name === 'stg_customers').id");
            page.waitFor("document.querySelector('#node h1')?.textContent === 'stg_customers'", WAIT);
            page.click("#node .focus-links a");
            page.waitFor("window.quarrySite.explorerCy && window.quarrySite.explorerCy.nodes().length === 2", WAIT);
            assertThat(page.evaluate("document.getElementById('selector').value")).isEqualTo("+stg_customers");
            assertThat(page.consoleErrors()).isEmpty();
        }
    }

    /** A JavaScript function of a Cytoscape instance: its edges as sorted "source>target" labels. */
    private static final String EDGES_OF = "(cy => cy.edges().map(e => e.source().data('label') + '>'"
            + " + e.target().data('label')).sort())";

    @Test
    void columnGraphShowsUpstreamColumns() throws Exception {
        try (HeadlessChromium chromium = chromium()) {
            Page page = openSite(chromium, "");
            page.evaluate("location.hash = '#node/' + window.quarrySite.siteIndex.nodes"
                    + ".find(n => n.name === 'customer_orders').id");
            page.waitFor("document.querySelector('#node h1')?.textContent === 'customer_orders'", WAIT);
            // Upstream columns: stg_customers from the seed customers (two levels up).
            page.waitFor("window.quarrySite.columnCy && window.quarrySite.columnCy.edges()"
                    + ".some(e => e.source().parent().data('label') === 'customers')", WAIT);
            assertThat(page.evaluate(COLUMN_EDGES)).asList().contains(
                    "stg_customers.customer_id>customer_orders.customer_id",
                    "stg_customers.customer_name>customer_orders.customer_name",
                    "stg_orders.amount>customer_orders.total_amount",
                    "customers.customer_id>stg_customers.customer_id",
                    "customers.name>stg_customers.customer_name",
                    "orders.amount>stg_orders.amount");
            assertThat(page.evaluate("window.quarrySite.columnCy.nodes().filter(n => n.isParent())"
                    + ".map(n => n.data('label')).sort()")).isEqualTo(List.of("customer_orders", "customers",
                            "orders", "stg_customers", "stg_orders"));

            page.evaluate("document.getElementById('column-graph').scrollIntoView() || true");
            Files.createDirectories(SCREENSHOTS);
            assertThat(page.screenshot(SCREENSHOTS.resolve("docs-column-graph.png"))).isNotEmptyFile();
            assertThat(page.consoleErrors()).isEmpty();
            assertThat(page.evaluate("typeof window.pwned")).isEqualTo("undefined");
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

    /** The column graph's edges as sorted "node.column>node.column" labels. */
    private static final String COLUMN_EDGES = "window.quarrySite.columnCy.edges().map(e => e.source().parent()"
            + ".data('label') + '.' + e.source().data('label') + '>' + e.target().parent().data('label') + '.'"
            + " + e.target().data('label')).sort()";

    @TempDir
    Path largeSite;

    /**
     * A site of 1,024 models in four graph shards, written by hand: model {@code m<i>}'s parent is
     * {@code m<i - 256>}, so each step of a walk reaches the next shard. A walk loads the shards it reaches, no others.
     */
    @Test
    void graphWalksLoadOnlyTheShardsTheyReach() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.findBinary().isPresent(), HeadlessChromium.NOT_INSTALLED);
        writeChainSite(largeSite, 1024, 256);
        try (HeadlessChromium chromium = HeadlessChromium.start().orElseThrow()) {
            Page page = chromium.open(largeSite.resolve("index.html").toUri());
            page.waitFor("document.getElementById('summary').textContent.startsWith('1024 models')", WAIT);
            assertThat(page.evaluate("window.quarrySite.loadedShards('graph')")).isEqualTo(List.of());
            assertThat(page.evaluate("window.quarrySite.select('+m700').then(ids => ids.join(' '))"))
                    .isEqualTo("188 444 700");
            assertThat(page.evaluate("window.quarrySite.loadedShards('graph')")).isEqualTo(List.of(0, 1, 2));
            assertThat(page.evaluate("window.quarrySite.select('m700+1 m1').then(ids => ids.join(' '))"))
                    .isEqualTo("1 700 956");
            assertThat(page.evaluate("window.quarrySite.loadedShards('graph')")).isEqualTo(List.of(0, 1, 2, 3));
            assertThat(page.evaluate("window.quarrySite.loadedShards('nodes')")).isEqualTo(List.of());
            assertThat(page.consoleErrors()).isEmpty();
        }
    }

    /** The site's files with an index of {@code size} models and graph shards of the chain described above. */
    private static void writeChainSite(Path site, int size, int step) throws Exception {
        new SiteAssets().copy(site);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<java.util.Map<String, Object>> nodes = new ArrayList<>();
        List<java.util.Map<String, Object>> graph = new ArrayList<>();
        for (int id = 0; id < size; id++) {
            java.util.Map<String, Object> node = new java.util.LinkedHashMap<>();
            node.put("id", id);
            node.put("uid", "model.big.m" + id);
            node.put("type", "model");
            node.put("name", "m" + id);
            node.put("package", "big");
            node.put("path", "models/m" + id + ".sql");
            node.put("tags", List.of());
            nodes.add(node);
            graph.add(java.util.Map.of("id", id, "parents", id >= step ? List.of(id - step) : List.of(),
                    "children", id + step < size ? List.of(id + step) : List.of()));
        }
        Path data = Files.createDirectories(site.resolve("data/graph"));
        for (int shard = 0; shard * 256 < size; shard++) {
            Files.writeString(data.resolve(shard + ".js"), "window.quarrySite.graph(" + json.writeValueAsString(
                    java.util.Map.of("shard", shard, "nodes", graph.subList(shard * 256, (shard + 1) * 256))) + ");");
        }
        Files.writeString(site.resolve("data/index.js"), "window.quarrySite.index(" + json.writeValueAsString(
                java.util.Map.of("project", "big", "shards", java.util.Map.of("nodes", 16, "graph", 256),
                        "nodes", nodes, "search", java.util.Map.of("terms", List.of(), "ids", List.of())))
                + ");");
    }

    /** The "Comes from" cell of a column of the page shown. */
    private static String comesFrom(String column) {
        return "[...document.querySelectorAll('#node .columns tr')].find(row => row.querySelector('.column-name')"
                + "?.textContent === '" + column + "').querySelector('.comes-from')";
    }
}
