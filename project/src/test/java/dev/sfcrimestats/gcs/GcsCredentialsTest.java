package dev.sfcrimestats.gcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.junit.jupiter.api.Test;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ImpersonatedCredentials;

class GcsCredentialsTest {

    @Test
    void theLoaderActsAsTheNamedServiceAccountForStorageOnly() {
        GoogleCredentials runtime = GoogleCredentials.create(new AccessToken("token", new Date(Long.MAX_VALUE)));

        ImpersonatedCredentials loader = GcsCredentials.impersonating(runtime,
                "sfpd-loader@my-project.iam.gserviceaccount.com");

        assertThat(loader.getAccount()).isEqualTo("sfpd-loader@my-project.iam.gserviceaccount.com");
        assertThat(loader.getSourceCredentials()).isSameAs(runtime);
    }
}
