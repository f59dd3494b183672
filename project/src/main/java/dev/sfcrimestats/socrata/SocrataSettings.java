package dev.sfcrimestats.socrata;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.quarry.ingest.IngestException;

/**
 * A source's {@code loader: {type: socrata, ...}} settings.
 *
 * @param baseUrl       {@code https://<domain>}, or {@code url:} (a mirror, or a test server)
 * @param dataset       the dataset id ({@code wg3w-h783})
 * @param key           the field that identifies a row ({@code row_id}); reconcile compares it
 * @param dateField     the field {@code start_date} applies to, or null to load every row
 * @param startDate     the first date to load
 * @param pageSize      rows per request ({@code $limit})
 * @param landing       the landing zone's root: a folder, or {@code gs://bucket/prefix}
 * @param timeout       how long to wait for a response's headers, and for the next bytes of a body
 * @param retry         how often to ask again
 * @param impersonate   a service account the load acts as on Cloud Storage ({@code impersonate_service_account}),
 *                      or null to use the credentials it runs with
 */
record SocrataSettings(URI baseUrl, String dataset, String key, String dateField, LocalDate startDate,
        int pageSize, String landing, Duration timeout, RetryPolicy retry, String impersonate) {

    static final Set<String> KEYS = Set.of("type", "domain", "url", "dataset", "key", "date_field", "start_date",
            "page_size", "landing", "timeout_seconds", "max_attempts", "initial_backoff_ms",
            "impersonate_service_account");

    static SocrataSettings from(Map<String, Object> loader) throws IngestException {
        List<String> problems = new ArrayList<>();
        for (String name : loader.keySet()) {
            if (!KEYS.contains(name)) {
                problems.add("unknown loader setting '" + name + "'; the socrata loader takes: "
                        + String.join(", ", new java.util.TreeSet<>(KEYS)));
            }
        }
        String domain = text(loader, "domain", null);
        String url = text(loader, "url", null);
        String dataset = text(loader, "dataset", null);
        if (domain == null && url == null) {
            problems.add("loader: domain is missing (e.g. domain: data.sfgov.org)");
        }
        if (dataset == null || !dataset.matches("[a-z0-9]{4}-[a-z0-9]{4}")) {
            problems.add("loader: dataset must be a Socrata dataset id like wg3w-h783, not " + dataset);
        }
        URI base = null;
        try {
            base = URI.create(url != null ? url : "https://" + domain);
            if (base.getScheme() == null || base.getHost() == null) {
                problems.add("loader: url must be an http(s) address, not " + base);
            }
        } catch (IllegalArgumentException malformed) {
            problems.add("loader: " + (url != null ? "url" : "domain") + " is not a valid address: "
                    + malformed.getMessage());
        }
        LocalDate start = null;
        try {
            start = LocalDate.parse(text(loader, "start_date", "2018-01-01"));
        } catch (DateTimeParseException malformed) {
            problems.add("loader: start_date must be a date like 2018-01-01, not " + loader.get("start_date"));
        }
        int pageSize = number(loader, "page_size", 50_000, 1, 1_000_000, problems);
        int timeoutSeconds = number(loader, "timeout_seconds", 60, 1, 3600, problems);
        int attempts = number(loader, "max_attempts", 6, 1, 100, problems);
        int backoff = number(loader, "initial_backoff_ms", 1000, 0, 600_000, problems);
        if (!problems.isEmpty()) {
            throw new IngestException(String.join("\n", problems));
        }
        RetryPolicy retry = new RetryPolicy(attempts, Duration.ofMillis(backoff),
                RetryPolicy.DEFAULT.maxDelay(), RetryPolicy.DEFAULT.maxRetryAfter());
        return new SocrataSettings(base, dataset, text(loader, "key", ":id"), text(loader, "date_field", null),
                start, pageSize, text(loader, "landing", "data/landing"), Duration.ofSeconds(timeoutSeconds), retry,
                text(loader, "impersonate_service_account", null));
    }

    /** The SoQL condition every query of the load has: the start date, when a date field is named. */
    Optional<String> startCondition() {
        return Optional.ofNullable(dateField).map(field -> field + " >= " + SoqlQuery.literal(startDate
                + "T00:00:00"));
    }

    private static String text(Map<String, Object> loader, String name, String fallback) {
        Object value = loader.get(name);
        return value == null || value.toString().isBlank() ? fallback : value.toString().trim();
    }

    private static int number(Map<String, Object> loader, String name, int fallback, int min, int max,
            List<String> problems) {
        Object value = loader.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.toString().trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notNumber) {
            // Reported below.
        }
        problems.add("loader: " + name + " must be a whole number from " + min + " to " + max + ", not " + value);
        return fallback;
    }
}
