package dev.sfcrimestats.socrata;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls a {@link FakeSocrata} with the JDK's HTTP client, as a loader would; for the fake's own tests. */
final class SodaTestClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI resource;

    SodaTestClient(URI resource) {
        this.resource = resource;
    }

    /** Query parameters from name, value pairs, in order. */
    static Map<String, String> params(String... namesAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int at = 0; at < namesAndValues.length; at += 2) {
            params.put(namesAndValues[at], namesAndValues[at + 1]);
        }
        return params;
    }

    /** A GET of the resource with these parameters (URL-encoded) and headers (name, value pairs). */
    HttpRequest.Builder request(Map<String, String> params, String... headers) {
        StringJoiner query = new StringJoiner("&");
        params.forEach((name, value) -> query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        URI uri = URI.create(resource + (params.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        for (int at = 0; at < headers.length; at += 2) {
            request.header(headers[at], headers[at + 1]);
        }
        return request;
    }

    HttpResponse<String> get(Map<String, String> params, String... headers) throws IOException, InterruptedException {
        return http.send(request(params, headers).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(Map<String, String> params, String... headers)
            throws IOException, InterruptedException {
        return http.send(request(params, headers).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The rows of a request that must succeed. */
    JsonNode rows(String... namesAndValues) throws IOException, InterruptedException {
        HttpResponse<String> response = get(params(namesAndValues));
        if (response.statusCode() != 200) {
            throw new AssertionError("expected 200, got " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    HttpClient http() {
        return http;
    }
}
