package dev.quarry.adapter.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quarry.adapter.EngineAdapter;
import dev.quarry.adapter.Engines;
import dev.quarry.error.Diagnostic;
import dev.quarry.error.ProjectException;
import dev.quarry.error.SourceLocation;
import dev.quarry.project.Target;

class BigQuerySettingsTest {

    private static final Path PROJECT = Path.of("/work/project");

    @Test
    void defaultsNeedOnlyAProjectAndADataset() {
        BigQuerySettings settings = BigQuerySettings.of(target(Map.of()), PROJECT);

        assertThat(settings).isEqualTo(new BigQuerySettings("sf-crime", "analytics", Optional.empty(),
                BigQuerySettings.AuthMethod.OAUTH, Optional.empty(), Optional.empty(), Optional.empty(),
                BigQuerySettings.Priority.INTERACTIVE, Optional.empty(), 3, Optional.empty(), Map.of(),
                Optional.empty()));
    }

    @Test
    void readsEveryKey() {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("location", "europe-west1");
        output.put("method", "service-account");
        output.put("keyfile", "keys/quarry.json");
        output.put("impersonate_service_account", "runner@sf-crime.iam.gserviceaccount.com");
        output.put("priority", "BATCH");
        output.put("job_timeout_seconds", 300L);
        output.put("job_retries", "0");
        output.put("maximum_bytes_billed", "10_000_000_000");
        output.put("labels", Map.of("team", "data", "cost_center", 42L));
        output.put("api_endpoint", "http://127.0.0.1:9050");

        BigQuerySettings settings = BigQuerySettings.of(target(output), PROJECT);

        assertThat(settings.location()).contains("europe-west1");
        assertThat(settings.method()).isEqualTo(BigQuerySettings.AuthMethod.SERVICE_ACCOUNT);
        assertThat(settings.keyfile()).contains(PROJECT.resolve("keys/quarry.json"));
        assertThat(settings.impersonate()).contains("runner@sf-crime.iam.gserviceaccount.com");
        assertThat(settings.priority()).isEqualTo(BigQuerySettings.Priority.BATCH);
        assertThat(settings.jobTimeout()).contains(Duration.ofMinutes(5));
        assertThat(settings.jobRetries()).isZero();
        assertThat(settings.maximumBytesBilled()).contains(10_000_000_000L);
        assertThat(settings.labels()).containsOnly(Map.entry("team", "data"), Map.entry("cost_center", "42"));
        assertThat(settings.apiEndpoint()).contains("http://127.0.0.1:9050");
    }

    @Test
    void aKeyAsAMappingIsKeptAsItsJson() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("type", "service_account");
        key.put("client_email", "quarry@sf-crime.iam.gserviceaccount.com");

        BigQuerySettings settings = BigQuerySettings.of(target(Map.of("method", "service-account-json",
                "keyfile_json", key)), PROJECT);

        assertThat(settings.keyfileJson())
                .contains("{\"type\":\"service_account\",\"client_email\":\"quarry@sf-crime.iam.gserviceaccount.com\"}");
    }

    @Test
    void theKeysJsonNeverShowsInTheSettingsText() {
        BigQuerySettings settings = BigQuerySettings.of(target(Map.of("method", "service-account-json",
                "keyfile_json", "{\"private_key\": \"SECRET-123\"}")), PROJECT);

        assertThat(settings.toString()).contains("keyfileJson=<secret>").doesNotContain("SECRET-123");
    }

    @Test
    void aWrongValueNamesTheKeyAndWhatItMayBe() {
        assertThat(error(Map.of("priority", "urgent"))).isEqualTo(Diagnostic.error(LOCATION,
                "BigQuery target 'prod': 'priority' must be 'interactive' or 'batch', not 'urgent'"));
        assertThat(error(Map.of("method", "password")).message()).isEqualTo("BigQuery target 'prod': 'method' must "
                + "be 'oauth' or 'service-account' or 'service-account-json', not 'password'");
        assertThat(error(Map.of("job_retries", -1L)).message()).isEqualTo("BigQuery target 'prod': 'job_retries' "
                + "must be a whole number of at least 0, not '-1'");
        assertThat(error(Map.of("job_timeout_seconds", "soon")).message()).isEqualTo("BigQuery target 'prod': "
                + "'job_timeout_seconds' must be a whole number of at least 1, not 'soon'");
        assertThat(error(Map.of("maximum_bytes_billed", 0L)).message()).isEqualTo("BigQuery target 'prod': "
                + "'maximum_bytes_billed' must be a whole number of at least 1, not '0'");
        assertThat(error(Map.of("labels", "team=data"))).isEqualTo(Diagnostic.error(LOCATION,
                "BigQuery target 'prod': 'labels' must be a mapping of label names to values",
                "write labels: {team: data}"));
        assertThat(error(Map.of("location", Map.of("region", "EU"))).message()).isEqualTo("BigQuery target 'prod': "
                + "'location' must be text, not a mapping");
    }

    @Test
    void aMethodWithoutItsKeyIsAnError() {
        assertThat(error(Map.of("method", "service-account"))).isEqualTo(Diagnostic.error(LOCATION,
                "BigQuery target 'prod' uses method 'service-account' without 'keyfile'",
                "add 'keyfile: <path to the service account key JSON file>'"));
        assertThat(error(Map.of("method", "service-account-json", "keyfile_json", "")).message()).isEqualTo(
                "BigQuery target 'prod' uses method 'service-account-json' without 'keyfile_json'");
    }

    @Test
    void aTargetWithoutAProjectIsAnError() {
        Target target = new Target("sf_crime", "prod", "bigquery", "analytics", null, 4, Map.of("type", "bigquery"),
                LOCATION);

        assertThatThrownBy(() -> BigQuerySettings.of(target, PROJECT)).isInstanceOf(ProjectException.class)
                .satisfies(failure -> assertThat(((ProjectException) failure).diagnostics()).containsExactly(
                        Diagnostic.error(LOCATION, "BigQuery target 'prod' has no project",
                                "add 'project: <Google Cloud project id>'")));
    }

    @Test
    void enginesOpenABigQueryTarget() {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("api_endpoint", "http://127.0.0.1:1");
        try (EngineAdapter adapter = Engines.open(target(output), PROJECT)) {
            assertThat(adapter).isInstanceOf(BigQueryAdapter.class);
            assertThat(adapter.dialect().type()).isEqualTo("bigquery");
            assertThat(Engines.isEmbedded("bigquery")).isFalse();
        }
    }

    private static final SourceLocation LOCATION = new SourceLocation("profiles.yml", 7, 5);

    private static Target target(Map<String, Object> extra) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("type", "bigquery");
        output.put("project", "sf-crime");
        output.put("dataset", "analytics");
        output.putAll(extra);
        return new Target("sf_crime", "prod", "bigquery", "analytics", "sf-crime", 4, output, LOCATION);
    }

    private static Diagnostic error(Map<String, Object> extra) {
        try {
            BigQuerySettings.of(target(extra), PROJECT);
        } catch (ProjectException failure) {
            assertThat(failure.diagnostics()).hasSize(1);
            return failure.diagnostics().get(0);
        }
        throw new AssertionError("no error for " + extra);
    }
}
