package dev.quarry.adapter.bigquery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Optional;

import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ImpersonatedCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.NoCredentials;

/**
 * The credentials a target's {@code method} names, optionally impersonating another service account; none at all for
 * an {@code api_endpoint} (an emulator or a test server). Key material is read and handed to Google's auth library,
 * never logged or put in a message.
 *
 * @param principal the account jobs run as, when known (a service account's email), for access error messages
 */
record BigQueryCredentials(Credentials credentials, Optional<String> principal) {

    /** BigQuery, and Drive for tables over Google Sheets. */
    static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/bigquery",
            "https://www.googleapis.com/auth/cloud-platform", "https://www.googleapis.com/auth/drive");

    /** How long an impersonated token lives before the library refreshes it. */
    private static final int IMPERSONATION_SECONDS = 3600;

    static BigQueryCredentials of(BigQuerySettings settings, BigQueryFailures failures) {
        if (settings.apiEndpoint().isPresent()) {
            return new BigQueryCredentials(NoCredentials.getInstance(), Optional.empty());
        }
        GoogleCredentials source = switch (settings.method()) {
            case OAUTH -> applicationDefault(failures);
            case SERVICE_ACCOUNT -> keyFile(settings, failures);
            case SERVICE_ACCOUNT_JSON -> keyJson(settings, failures);
        };
        if (settings.impersonate().isPresent()) {
            String target = settings.impersonate().get();
            return new BigQueryCredentials(ImpersonatedCredentials.create(source, target, null, SCOPES,
                    IMPERSONATION_SECONDS), Optional.of(target));
        }
        Optional<String> email = source instanceof ServiceAccountCredentials account
                ? Optional.ofNullable(account.getClientEmail()) : Optional.empty();
        return new BigQueryCredentials(source.createScopedRequired() ? source.createScoped(SCOPES) : source, email);
    }

    private static GoogleCredentials applicationDefault(BigQueryFailures failures) {
        try {
            return GoogleCredentials.getApplicationDefault();
        } catch (IOException missing) {
            throw failures.noCredentials("no application default credentials were found ("
                    + firstSentence(missing.getMessage()) + ")");
        }
    }

    private static GoogleCredentials keyFile(BigQuerySettings settings, BigQueryFailures failures) {
        java.nio.file.Path file = settings.keyfile().orElseThrow();
        try (InputStream key = Files.newInputStream(file)) {
            return ServiceAccountCredentials.fromStream(key);
        } catch (NoSuchFileException missing) {
            throw failures.noCredentials("the keyfile " + file + " does not exist");
        } catch (IOException unreadable) {
            // The library's messages name fields, not values; the file's content is never quoted.
            throw failures.noCredentials("the keyfile " + file + " is not a service account key: "
                    + firstSentence(unreadable.getMessage()));
        }
    }

    private static GoogleCredentials keyJson(BigQuerySettings settings, BigQueryFailures failures) {
        byte[] json = settings.keyfileJson().orElseThrow().getBytes(StandardCharsets.UTF_8);
        try {
            return ServiceAccountCredentials.fromStream(new ByteArrayInputStream(json));
        } catch (IOException | RuntimeException unreadable) {
            // No detail at all: a parser's message might quote part of the key.
            throw failures.noCredentials("keyfile_json is not a service account key (the JSON of a key file, with "
                    + "type: service_account, client_email and private_key)");
        }
    }

    private static String firstSentence(String message) {
        if (message == null) {
            return "no detail";
        }
        int end = message.indexOf(". ");
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
