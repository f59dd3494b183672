package dev.sfcrimestats.gcs;

import java.io.IOException;
import java.util.List;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ImpersonatedCredentials;

/** Credentials for Cloud Storage: the application default ones, or another service account's through them. */
final class GcsCredentials {

    /** Read and write objects; nothing else. */
    static final String SCOPE = "https://www.googleapis.com/auth/devstorage.read_write";

    /** How long each impersonated token lives; the client refreshes it. */
    static final int LIFETIME_SECONDS = 3600;

    private GcsCredentials() {
    }

    /** @throws IllegalArgumentException when none are found, saying how to provide them */
    static GoogleCredentials applicationDefault() {
        try {
            return GoogleCredentials.getApplicationDefault();
        } catch (IOException missing) {
            throw new IllegalArgumentException("needs Google credentials to act as another service account: "
                    + "run 'gcloud auth application-default login', set GOOGLE_APPLICATION_CREDENTIALS, or run on "
                    + "a machine with a service account (" + missing.getMessage() + ")", missing);
        }
    }

    /** {@code source} acting as {@code serviceAccount} (an e-mail address), for Cloud Storage only. */
    static ImpersonatedCredentials impersonating(GoogleCredentials source, String serviceAccount) {
        return ImpersonatedCredentials.create(source, serviceAccount, null, List.of(SCOPE), LIFETIME_SECONDS);
    }
}
