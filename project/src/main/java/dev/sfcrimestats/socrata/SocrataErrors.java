package dev.sfcrimestats.socrata;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a response that is not 200 means: whether to retry, how long to wait, what to tell the user. */
final class SocrataErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 4096;

    private SocrataErrors() {
    }

    /** 202 (still processing), 408, 429 (throttled) and 5xx pass with time; other statuses are answers. */
    static boolean isRetryable(int status) {
        return status == 202 || status == 408 || status == 429 || status >= 500;
    }

    /** The message for a refusal that retrying cannot change. */
    static String refusal(int status, String body, String dataset, URI resource, boolean tokenGiven) {
        String detail = summary(body);
        return switch (status) {
            case 404 -> "dataset " + dataset + " was not found at " + resource + " (HTTP 404" + detail + ")."
                    + "\n  Check the source's loader: domain and dataset.";
            case 401, 403 -> (tokenGiven ? "the server refused the app token in SOCRATA_APP_TOKEN"
                    : "the server refused access") + " (HTTP " + status + detail + ")."
                    + (tokenGiven ? "\n  Check the token at the portal's developer settings, or unset it to load "
                            + "without one." : "\n  Set SOCRATA_APP_TOKEN to an app token that may read it.");
            case 400 -> "the server refused the query (HTTP 400" + detail + ").";
            default -> "the server answered HTTP " + status + detail + ".";
        };
    }

    /** {@code : <message>} from a Socrata error body, or the start of the body, or nothing. */
    static String summary(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode message = JSON.readTree(body).path("message");
            if (message.isTextual()) {
                return ": " + message.asText();
            }
        } catch (IOException notJson) {
            // Not JSON: the start of the text says enough.
        }
        String text = body.strip().replaceAll("\\s+", " ");
        return ": " + (text.length() > 200 ? text.substring(0, 200) + "..." : text);
    }

    /** The start of an error response's body (gunzipped), for the message. */
    static String bodyOf(HttpResponse<InputStream> response) {
        boolean gzip = response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase)
                .isPresent();
        try (InputStream raw = response.body(); InputStream body = gzip ? new GZIPInputStream(raw) : raw) {
            return new String(body.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return "";
        }
    }

    /** {@code Retry-After} as seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(SocrataErrors::parseRetryAfter);
    }

    static Optional<Duration> parseRetryAfter(String value) {
        String text = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
