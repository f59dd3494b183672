package dev.quarry.adapter.bigquery;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import com.google.auth.oauth2.GoogleCredentials;

import dev.quarry.adapter.AdapterContract;
import dev.quarry.adapter.EngineAdapter;
import dev.quarry.error.SourceLocation;
import dev.quarry.project.Target;
import dev.quarry.template.Relation;

/**
 * The adapter contract on real BigQuery, each test in a throwaway dataset that is dropped afterwards. Runs only when
 * {@code QUARRY_BIGQUERY_LIVE_PROJECT} names a project and credentials are at hand: a service account key file in
 * {@code QUARRY_BIGQUERY_LIVE_KEYFILE}, or application default credentials
 * ({@code gcloud auth application-default login}). {@code QUARRY_BIGQUERY_LIVE_LOCATION} sets the location (US).
 * The credentials need roles/bigquery.jobUser and roles/bigquery.dataEditor on the project.
 */
class BigQueryLiveIT extends AdapterContract {

    private static final String PROJECT = System.getenv("QUARRY_BIGQUERY_LIVE_PROJECT");
    private static final String KEYFILE = System.getenv("QUARRY_BIGQUERY_LIVE_KEYFILE");
    private static final String LOCATION = System.getenv().getOrDefault("QUARRY_BIGQUERY_LIVE_LOCATION", "US");

    private final String dataset = "quarry_live_" + UUID.randomUUID().toString().replace("-", "");

    @BeforeAll
    static void requireAProjectAndCredentials() {
        boolean required = "required".equals(System.getProperty("quarry.bigquery.live"));
        String missing = PROJECT == null || PROJECT.isBlank() ? "QUARRY_BIGQUERY_LIVE_PROJECT is not set"
                : (KEYFILE == null || KEYFILE.isBlank()) && !hasApplicationDefaultCredentials()
                        ? "no QUARRY_BIGQUERY_LIVE_KEYFILE and no application default credentials" : null;
        if (required && missing != null) {
            throw new AssertionError("mvn -Pbigquery runs the live BigQuery tests, but " + missing);
        }
        assumeTrue(missing == null, missing);
    }

    private static boolean hasApplicationDefaultCredentials() {
        try {
            GoogleCredentials.getApplicationDefault();
            return true;
        } catch (IOException none) {
            return false;
        }
    }

    @Override
    protected EngineAdapter openAdapter() {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("type", "bigquery");
        output.put("project", PROJECT);
        output.put("dataset", dataset);
        output.put("location", LOCATION);
        output.put("job_timeout_seconds", 300L);
        output.put("maximum_bytes_billed", 1_000_000_000L);
        output.put("labels", Map.of("quarry_test", "adapter_contract"));
        if (KEYFILE != null && !KEYFILE.isBlank()) {
            output.put("method", "service-account");
            output.put("keyfile", KEYFILE);
        }
        return BigQueryAdapter.open(new Target("live", "live", "bigquery", dataset, PROJECT, 1, output,
                SourceLocation.of("profiles.yml")), Path.of("."));
    }

    @Override
    protected String schema() {
        return dataset;
    }

    /** GoogleSQL's names; DATETIME is BigQuery's timestamp without a time zone. */
    @Override
    protected String createTypedTable(Relation table) {
        return "create table " + table.rendered() + " (id int64, amount float64, price numeric(10, 2), ok bool, "
                + "event_day date, event_at datetime, name string)";
    }

    @Override
    protected String createNumbersTable(Relation table) {
        return "create table " + table.rendered() + " (n int64)";
    }

    @Override
    protected String asText(String column) {
        return "cast(" + column + " as string)";
    }

    @Override
    protected String threeRows() {
        return "select n from unnest([1, 2, 3]) as n";
    }

    /** Runs before the contract closes the session: the test's dataset goes, with everything in it. */
    @AfterEach
    void dropTheDataset() {
        if (session != null) {
            session.execute("drop schema if exists " + adapter.dialect().quote(PROJECT) + "."
                    + adapter.dialect().quote(dataset) + " cascade");
        }
    }
}
