package dev.sfcrimestats.socrata;

import static dev.sfcrimestats.socrata.SodaTestClient.JSON;
import static dev.sfcrimestats.socrata.SodaTestClient.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeSocrataFaultsTest {

    private static final Map<String, String> PAGE = params("$order", ":id", "$limit", "10");

    private FakeSocrata fake;
    private SodaTestClient client;
    private String fullPage;

    @BeforeEach
    void start() throws Exception {
        fake = FakeSocrata.start(FakeSocrata.SFPD_DATASET);
        fake.putAll(SfpdRows.sample(100));
        client = new SodaTestClient(fake.resourceUri());
        fullPage = client.get(PAGE).body();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void throttlesOnceWithRetryAfter() throws Exception {
        fake.fault(Fault.throttle(7));

        HttpResponse<String> throttled = client.get(PAGE);
        HttpResponse<String> retried = client.get(PAGE);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(JSON.readTree(throttled.body()).get("error").asBoolean()).isTrue();
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo(fullPage);
        assertThat(fake.requests()).extracting(RecordedRequest::status).containsExactly(200, 429, 200);
    }

    @Test
    void failsTheNextRequestsAsManyTimesAsAsked() throws Exception {
        fake.fault(Fault.unavailable().times(2)).fault(Fault.serverError()).fault(Fault.processing());

        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> processing = null;
        for (int request = 0; request < 5; request++) {
            HttpResponse<String> response = client.get(PAGE);
            statuses.add(response.statusCode());
            processing = response.statusCode() == 202 ? response : processing;
        }

        assertThat(statuses).containsExactly(503, 503, 500, 202, 200);
        assertThat(processing.body()).isEmpty();
    }

    @Test
    void aggregatesAreNeitherFaultedNorCountedAsPages() throws Exception {
        fake.fault(Fault.serverError());

        JsonNode count = client.rows("$select", "count(*) AS row_count, MAX(:updated_at)  as max_updated_at");

        assertThat(count.get(0).get("row_count").asText()).isEqualTo("100");
        assertThat(client.get(PAGE).statusCode()).isEqualTo(500);
        assertThat(fake.pagesServed()).isEqualTo(1);
    }

    @Test
    void resetsTheConnectionInTheMiddleOfTheBody() throws Exception {
        fake.fault(Fault.resetAfter(500).times(3));

        HttpResponse<InputStream> response = client.http().send(client.request(PAGE).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        byte[] head = response.body().readNBytes(500);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(head, StandardCharsets.UTF_8)).isEqualTo(fullPage.substring(0, 500));
        assertThatThrownBy(() -> response.body().readAllBytes()).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> client.get(PAGE)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> client.getBytes(PAGE, "Accept-Encoding", "gzip")).isInstanceOf(IOException.class);
        assertThat(fake.requests().get(1).status()).isEqualTo(200);
        assertThat(fake.requests().get(1).fault().kind()).isEqualTo(Fault.Kind.RESET);
        assertThat(client.get(PAGE).body()).isEqualTo(fullPage);
    }

    @Test
    void truncatesTheJsonOfACleanResponse() throws Exception {
        fake.fault(Fault.truncateAfter(700).times(2));

        HttpResponse<String> plain = client.get(PAGE);
        HttpResponse<byte[]> zipped = client.getBytes(PAGE, "Accept-Encoding", "gzip");

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).isEqualTo(fullPage.substring(0, 700));
        assertThatThrownBy(() -> JSON.readTree(plain.body())).isInstanceOf(JsonProcessingException.class);
        String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(unzipped).isEqualTo(fullPage.substring(0, 700));
    }

    @Test
    void delaysTheHeadersBeyondTheClientsTimeout() throws Exception {
        fake.fault(Fault.delayHeaders(Duration.ofSeconds(2)));

        assertThatThrownBy(() -> client.send(client.request(PAGE).timeout(Duration.ofMillis(300)).build()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(client.get(PAGE).body()).isEqualTo(fullPage);
    }

    @Test
    void stallsInTheMiddleOfTheBody() throws Exception {
        fake.fault(Fault.stallAfter(300, Duration.ofMillis(600)));

        HttpResponse<InputStream> response = client.http().send(client.request(PAGE).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        byte[] head = response.body().readNBytes(300);
        long headAt = System.nanoTime();
        byte[] rest = response.body().readAllBytes();
        long doneAt = System.nanoTime();

        assertThat(new String(head, StandardCharsets.UTF_8) + new String(rest, StandardCharsets.UTF_8))
                .isEqualTo(fullPage);
        // The wait comes after the first bytes, not before the headers.
        assertThat(Duration.ofNanos(doneAt - headAt)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aimsAtAPageCountingOnlyUnfaultedRequests() throws Exception {
        fake.fault(Fault.throttle(1).onPage(3));
        int before = fake.pagesServed();

        List<Integer> statuses = new ArrayList<>();
        for (int request = 0; request < 4; request++) {
            statuses.add(client.get(PAGE).statusCode());
        }

        assertThat(before).isEqualTo(1);
        assertThat(statuses).containsExactly(200, 200, 429, 200);
        assertThat(fake.dataRequests()).extracting(RecordedRequest::page).containsExactly(0, 1, 2, -1, 3);
    }

    @Test
    void changesRowsBetweenPages() throws Exception {
        List<Map<String, Object>> rows = fake.rows();
        String last = (String) rows.get(99).get("row_id");
        String early = (String) rows.get(0).get("row_id");
        int second = fake.pagesServed() + 1;
        fake.afterPage((page, socrata) -> {
            if (page == second) {
                socrata.delete(last);
                socrata.update(early, Map.of("resolution", "Unfounded"));
            }
        });

        JsonNode first = client.rows("$order", ":id", "$limit", "50");
        JsonNode secondPage = client.rows("$order", ":id", "$limit", "50", "$offset", "50");
        JsonNode third = client.rows("$order", ":id", "$limit", "50", "$offset", "50");

        assertThat(first.get(0).get("row_id").asText()).isEqualTo(early);
        assertThat(secondPage.findValuesAsText("row_id")).contains(last);
        assertThat(third.findValuesAsText("row_id")).hasSize(49).doesNotContain(last);
        assertThat(fake.rows().get(0).get("resolution")).isEqualTo("Unfounded");
    }

    @Test
    void aFailingHookFailsTheRequestInsteadOfHangingIt() {
        fake.afterPage((page, socrata) -> {
            throw new AssertionError("a test's hook failed (expected by this test)");
        });

        assertThatThrownBy(() -> client.send(client.request(PAGE).timeout(Duration.ofSeconds(5)).build()))
                .isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void failsPermanentlyFromAPageUntilCleared() throws Exception {
        fake.failFromPage(3);

        List<Integer> statuses = new ArrayList<>();
        for (int request = 0; request < 5; request++) {
            statuses.add(client.get(PAGE).statusCode());
        }
        fake.clearFaults();

        assertThat(statuses).containsExactly(200, 200, 500, 500, 500);
        assertThat(client.get(PAGE).statusCode()).isEqualTo(200);
    }

    @Test
    void hangsFromAPageUntilClearedOrClosed() throws Exception {
        fake.hangFromPage(1);

        CompletableFuture<HttpResponse<String>> hung = client.http().sendAsync(client.request(PAGE).build(),
                HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> alsoHung = client.http().sendAsync(client.request(PAGE).build(),
                HttpResponse.BodyHandlers.ofString());
        awaitDataRequests(3);
        TimeUnit.MILLISECONDS.sleep(200);

        assertThat(hung).isNotDone();
        assertThat(fake.dataRequests()).last().extracting(RecordedRequest::status).isEqualTo(0);
        fake.clearFaults();
        assertThat(hung.get(5, TimeUnit.SECONDS).body()).isEqualTo(fullPage);
        assertThat(alsoHung.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);

        fake.hangFromPage(0);
        CompletableFuture<HttpResponse<String>> killed = client.http().sendAsync(client.request(PAGE).build(),
                HttpResponse.BodyHandlers.ofString());
        awaitDataRequests(4);
        assertThat(killed).isNotDone();
        fake.close();
        assertThatThrownBy(() -> killed.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IOException.class);
    }

    private void awaitDataRequests(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (fake.dataRequests().size() < count && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertThat(fake.dataRequests()).hasSize(count);
    }
}
