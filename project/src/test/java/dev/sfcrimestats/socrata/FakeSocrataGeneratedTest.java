package dev.sfcrimestats.socrata;

import static dev.sfcrimestats.socrata.SodaTestClient.JSON;
import static dev.sfcrimestats.socrata.SodaTestClient.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The synthetic mode for benchmarks: a million rows computed on the fly. */
class FakeSocrataGeneratedTest {

    private static final long ROWS = 1_000_000;

    private static FakeSocrata fake;
    private static SodaTestClient client;

    @BeforeAll
    static void start() {
        fake = FakeSocrata.generated(FakeSocrata.SFPD_DATASET, ROWS);
        client = new SodaTestClient(fake.resourceUri());
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Test
    void countsAllRowsAndFindsTheLatestUpdate() throws Exception {
        JsonNode last = client.rows("$select", ":*,*", "$order", ":id DESC", "$limit", "1");

        JsonNode count = client.rows("$select", "count(*) AS row_count, max(:updated_at) AS max_updated_at");

        assertThat(count.get(0).get("row_count").asText()).isEqualTo("1000000");
        assertThat(count.get(0).get("max_updated_at")).isEqualTo(last.get(0).get(":updated_at"));
        assertThat(last.get(0).get(":id").asText()).isEqualTo(SystemFields.rowId(ROWS));
    }

    @Test
    void keysetPagingJumpsToTheId() throws Exception {
        String after = SystemFields.rowId(999_990);
        long started = System.nanoTime();

        JsonNode page = client.rows("$select", ":*,*", "$where", ":id > '" + after + "'", "$order", ":id",
                "$limit", "5");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(page.findValuesAsText(":id")).containsExactly(SystemFields.rowId(999_991),
                SystemFields.rowId(999_992), SystemFields.rowId(999_993), SystemFields.rowId(999_994),
                SystemFields.rowId(999_995));
        Map<String, Object> expected = new SfpdRows(ROWS).row(999_990);
        assertThat(page.get(0).get("row_id").asText()).isEqualTo(expected.get("row_id"));
        assertThat(page.get(0).get("incident_datetime").asText()).isEqualTo(expected.get("incident_datetime"));
    }

    @Test
    void filtersOnUpdatedAtAndTheDateField() throws Exception {
        JsonNode pivot = client.rows("$select", ":updated_at", "$order", ":id", "$offset", "500000", "$limit", "1");
        String stamp = pivot.get(0).get(":updated_at").asText();

        JsonNode later = client.rows("$select", "count(*) AS n", "$where", ":updated_at > '" + stamp + "'");
        JsonNode recent = client.rows("$select", ":id,incident_date,:updated_at", "$where",
                "incident_date >= '2022-07-01' AND :updated_at > '" + stamp + "'", "$order", ":id", "$limit", "50");

        assertThat(later.get(0).get("n").asText()).isEqualTo("499999");
        assertThat(recent).hasSize(50);
        recent.forEach(row -> {
            assertThat(row.get("incident_date").asText()).isGreaterThanOrEqualTo("2022-07-01T00:00:00.000");
            assertThat(row.get(":updated_at").asText()).isGreaterThan(stamp);
        });
        assertThat(recent.findValuesAsText(":id")).isSorted();
    }

    @Test
    void offsetsJumpWithoutScanning() throws Exception {
        JsonNode page = client.rows("$select", ":id", "$order", ":id", "$offset", "750000", "$limit", "2");

        assertThat(page.findValuesAsText(":id")).containsExactly(SystemFields.rowId(750_001),
                SystemFields.rowId(750_002));
    }

    @Test
    void withoutOrderServesEveryRowInAnArbitraryOrder() throws Exception {
        try (FakeSocrata small = FakeSocrata.generated("small-data", 1000)) {
            SodaTestClient smallClient = new SodaTestClient(small.resourceUri());

            List<String> first = smallClient.rows("$select", ":id").findValuesAsText(":id");
            List<String> second = smallClient.rows("$select", ":id").findValuesAsText(":id");

            assertThat(first).hasSize(1000).doesNotHaveDuplicates().isNotEqualTo(second);
            assertThat(first).containsExactlyInAnyOrderElementsOf(second);
            assertThat(first).isNotEqualTo(first.stream().sorted().toList());
        }
    }

    @Test
    void ordersOnlyBySystemFields() throws Exception {
        HttpResponse<String> response = client.get(params("$order", "incident_datetime"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("query.compiler.malformed");
        assertThatThrownBy(() -> fake.put(Map.of("row_id", "1"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void streamsALargeGzippedPage() throws Exception {
        HttpResponse<InputStream> response = client.http().send(
                client.request(params("$select", ":*,*", "$order", ":id", "$limit", "200000"),
                        "Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long rows = 0;

        try (JsonParser parser = JSON.getFactory().createParser(new GZIPInputStream(response.body()))) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                parser.skipChildren();
                rows++;
            }
        }

        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        assertThat(rows).isEqualTo(200_000);
    }

    @Test
    void mainPrintsItsAddressAndServes() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                FakeSocrata.class.getName(), "--rows", "2500", "--dataset", "abcd-1234")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();

            assertThat(line).matches("http://127\\.0\\.0\\.1:\\d+");
            JsonNode count = new SodaTestClient(URI.create(line + "/resource/abcd-1234.json"))
                    .rows("$select", "count(*) AS row_count");
            assertThat(count.get(0).get("row_count").asText()).isEqualTo("2500");
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
