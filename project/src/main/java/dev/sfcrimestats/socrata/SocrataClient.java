package dev.sfcrimestats.socrata;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import java.util.zip.GZIPInputStream;

import dev.quarry.ingest.IngestException;
import dev.sfcrimestats.parquet.BadValueException;

/**
 * Asks a Socrata dataset's SODA 2.1 endpoint ({@code GET /resource/<id>.json}) one query at a time and hands the body
 * to a reader as a stream. Retries, with {@link RetryPolicy}, what may pass: 429 (honouring {@code Retry-After}),
 * 202 (still processing), 5xx, resets, timeouts and bodies cut short. Refusals (404, 403, 400) fail at once with a
 * message. The app token goes in the {@code X-App-Token} header and never into a message.
 */
final class SocrataClient {

    /** Reads a response body; called again from scratch on each attempt. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(InputStream body) throws IOException, MalformedPageException, BadValueException;
    }

    /** Waits between attempts; tests wait for nothing. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final HttpClient http;
    private final URI resource;
    private final String dataset;
    private final Optional<String> appToken;
    private final Duration timeout;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Consumer<String> retries;
    private final RandomGenerator random = RandomGenerator.getDefault();

    /**
     * @param retries told about each retry: what failed and how long the client waits
     */
    SocrataClient(URI baseUrl, String dataset, Optional<String> appToken, Duration timeout, RetryPolicy retry,
            Sleeper sleeper, Consumer<String> retries) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.resource = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/resource/" + dataset + ".json");
        this.dataset = dataset;
        this.appToken = appToken;
        this.timeout = timeout;
        this.retry = retry;
        this.sleeper = sleeper;
        this.retries = retries;
    }

    /** The endpoint, for messages. */
    URI resource() {
        return resource;
    }

    /**
     * Runs a query and reads its body.
     *
     * @param what what the query is for, in messages ({@code page 3})
     * @throws IngestException      when the server refuses, or still fails after the last attempt
     * @throws InterruptedException when the thread is interrupted (the load was stopped)
     */
    <T> T fetch(SoqlQuery query, String what, BodyReader<T> reader) throws IngestException, InterruptedException {
        String lastFailure = null;
        for (int attempt = 1; ; attempt++) {
            Optional<Duration> retryAfter = Optional.empty();
            try {
                HttpResponse<InputStream> response = http.send(request(query), HttpResponse.BodyHandlers
                        .ofInputStream());
                int status = response.statusCode();
                if (status == 200) {
                    return read(response, reader);
                }
                String body = SocrataErrors.bodyOf(response);
                if (!SocrataErrors.isRetryable(status)) {
                    throw new IngestException(SocrataErrors.refusal(status, body, dataset, resource,
                            appToken.isPresent()) + "\n  query: " + query);
                }
                retryAfter = SocrataErrors.retryAfter(response);
                lastFailure = "HTTP " + status + SocrataErrors.summary(body);
            } catch (java.net.http.HttpTimeoutException timedOut) {
                lastFailure = "no response within " + timeout.toSeconds() + " s";
            } catch (StalledBodyException stalled) {
                lastFailure = stalled.getMessage();
            } catch (IOException failure) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("stopped while reading " + what);
                }
                lastFailure = "connection failed: " + failure;
            } catch (MalformedPageException malformed) {
                lastFailure = "malformed JSON at byte " + malformed.offset() + " of the body: "
                        + malformed.getMessage();
            } catch (BadValueException badValue) {
                throw new IngestException(what + ": a value does not fit its declared type: " + badValue.getMessage()
                        + "\n  Fix the column's data_type in the source's YAML, or declare it as string.");
            }
            if (attempt >= retry.maxAttempts()) {
                throw new IngestException(what + " failed after " + attempt + " attempts; the last: " + lastFailure
                        + "\n  request: " + resource + "?" + query
                        + "\n  Nothing of it was landed; run the same command again to resume from here.");
            }
            Duration wait = retry.delay(attempt, retryAfter, random);
            retries.accept(String.format(java.util.Locale.ROOT, "%s: %s; retrying in %.1f s (attempt %d of %d)",
                    what, lastFailure, wait.toMillis() / 1000.0, attempt + 1, retry.maxAttempts()));
            sleeper.sleep(wait);
        }
    }

    private HttpRequest request(SoqlQuery query) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(resource + "?" + query.encoded()))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Accept-Encoding", "gzip")
                .header("User-Agent", "sf-crime-stats (Quarry ingest)")
                .GET();
        appToken.ifPresent(token -> request.header("X-App-Token", token));
        return request.build();
    }

    private <T> T read(HttpResponse<InputStream> response, BodyReader<T> reader)
            throws IOException, MalformedPageException, BadValueException, InterruptedException {
        boolean gzip = response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase)
                .isPresent();
        try (StallGuard guard = StallGuard.watch(response.body(), timeout);
                InputStream body = gzip ? new GZIPInputStream(guard.stream(), 1 << 16) : guard.stream()) {
            try {
                return reader.read(body);
            } catch (IOException failure) {
                if (guard.stalled()) {
                    throw new StalledBodyException("the body stalled: no bytes for " + timeout.toSeconds() + " s");
                }
                throw failure;
            }
        }
    }
}
