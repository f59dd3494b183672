package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code quarry docs generate} and {@code quarry docs serve} on the built {@code jaffle} fixture, in-process. */
class DocsEndToEndIT {

    @TempDir
    Path project;

    @Test
    void generateWritesTheCatalogTheSiteAndWhereItIs() throws Exception {
        FixtureProject fixture = DocsProject.generate(project);

        assertThat(fixture.stdout()).contains("open target/site/index.html");
        assertThat(fixture.stdout()).contains("1 relations are not built yet");
        JsonNode catalog = new ObjectMapper().readTree(project.resolve("target/catalog.json").toFile());
        assertThat(catalog.at("/nodes/model.jaffle.customer_orders/columns/order_count/index").asInt()).isEqualTo(3);
        assertThat(catalog.at("/errors/model.jaffle.not_built").asText()).contains("does not exist");
        Path site = project.resolve("target/site");
        for (String file : new String[] {"index.html", "app.js", "selection.js", "column-graph.js", "app.css",
                "assets/cytoscape.min.js", "assets/dagre.min.js", "assets/cytoscape-dagre.js",
                "assets/highlight.min.js", "assets/highlight-sql.min.js", "assets/highlight-github.min.css",
                "data/index.js", "data/nodes/0.js", "data/graph/0.js"}) {
            assertThat(site.resolve(file)).isNotEmptyFile();
        }
        String pages = Files.readString(site.resolve("data/nodes/0.js"));
        // The Markdown as HTML with the raw HTML escaped, and the last run's status from run_results.json.
        assertThat(pages).contains("Orders <strong>per customer</strong>. &lt;script&gt;window.pwned=1&lt;/script&gt;");
        assertThat(pages).contains("\"status\":\"success\"");
        assertThat(Files.readString(site.resolve("data/index.js"))).contains("\"run_started_at\":\"20");
    }

    @Test
    void serveAnswersTheSiteOverHttpUntilInterrupted() throws Exception {
        FixtureProject fixture = DocsProject.generate(project);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread server = new Thread(() -> exit.set(fixture.run("docs", "serve", "--port", "0")), "docs-serve");
        server.start();
        try {
            URI uri = awaitUri(fixture);
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> index = client.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/html"));
            assertThat(index.body()).contains("<script defer src=\"data/index.js\"></script>");
            HttpResponse<String> data = client.send(HttpRequest.newBuilder(uri.resolve("data/index.js")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(data.body()).startsWith("window.quarrySite.index(");
            HttpResponse<String> outside = client.send(HttpRequest.newBuilder(
                    URI.create(uri + "..%2f..%2fquarry_project.yml")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(outside.statusCode()).isEqualTo(404);
        } finally {
            server.interrupt();
            server.join(Duration.ofSeconds(10).toMillis());
        }
        assertThat(exit.get()).isZero();
    }

    private static URI awaitUri(FixtureProject fixture) throws InterruptedException {
        Pattern url = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/");
        for (int attempt = 0; attempt < 400; attempt++) {
            Matcher found = url.matcher(fixture.stdout());
            if (found.find()) {
                return URI.create(found.group());
            }
            Thread.sleep(25);
        }
        throw new AssertionError("docs serve printed no URL: " + fixture.stdout() + fixture.stderr());
    }
}
