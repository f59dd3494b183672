package dev.quarry.adapter.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.bigquery.FakeBigQuery.Answer;
import dev.quarry.template.Relation;

/** Transient failures retried, and every other failure as a message that says what to do. */
class BigQueryFailuresTest {

    private static final String RATE_LIMITED = "Exceeded rate limits: too many concurrent queries for this "
            + "project_and_region. For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas";

    private FakeBigQuery fake;
    private BigQueryAdapter adapter;
    private BigQuerySession session;

    @BeforeEach
    void open() throws Exception {
        fake = new FakeBigQuery();
        fake.answer(sql -> Answer.dml(1));
        adapter = BigQueryTesting.open(fake);
        session = adapter.openSession();
    }

    @AfterEach
    void close() {
        session.close();
        adapter.close();
        fake.close();
    }

    @Test
    void serviceUnavailableIsRetriedThenSucceeds() {
        fake.failNext("jobs.insert", 2, 503, "backendError", "The service is currently unavailable.");

        assertThat(session.execute("delete from t where true")).isEqualTo(1);
        assertThat(fake.calls("jobs.insert")).isEqualTo(3);
        assertThat(fake.requests("jobs.insert")).extracting(request -> request.json().at("/jobReference/jobId")
                .asText()).as("the same job id: a retried insert cannot run the statement twice").containsOnly(
                        fake.requests("jobs.insert").get(0).json().at("/jobReference/jobId").asText());
    }

    @Test
    void rateLimitExceededIsRetriedThenSucceeds() {
        fake.failNext("jobs.insert", 2, 403, "rateLimitExceeded", RATE_LIMITED);

        assertThat(session.execute("delete from t where true")).isEqualTo(1);
        assertThat(fake.calls("jobs.insert")).isEqualTo(3);
    }

    @Test
    void aConnectionResetIsRetried() {
        fake.dropNext("jobs.insert", 1);

        assertThat(session.execute("delete from t where true")).isEqualTo(1);
        assertThat(fake.calls("jobs.insert")).isEqualTo(2);
    }

    @Test
    void tooManyRequestsOnAMetadataCallIsRetriedByTheSession() {
        fake.failNext("tables.get", 2, 429, "rateLimitExceeded", "Too many requests");

        assertThat(session.describe(relation("missing"))).isEmpty();
        assertThat(fake.calls("tables.get")).isEqualTo(3);
    }

    @Test
    void aJobThatFailsTransientlyRunsAgainAsANewJob() {
        AtomicInteger runs = new AtomicInteger();
        fake.answer(sql -> runs.incrementAndGet() == 1 ? Answer.error("backendError", "Error encountered during "
                + "execution. Retrying may solve the problem.") : Answer.dml(4));

        assertThat(session.execute("merge into t using s on false when not matched then insert row")).isEqualTo(4);
        assertThat(fake.requests("jobs.insert")).extracting(request -> request.json().at("/jobReference/jobId")
                .asText()).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void givesUpAfterTheRetriesWithAMessageThatSaysSo() {
        fake.failNext("jobs.insert", 10, 503, "backendError", "The service is currently unavailable.");

        assertThatThrownBy(() -> session.execute("delete from t where true")).isInstanceOf(EngineException.class)
                .hasMessage("BigQuery kept failing (HTTP 503 backendError) while running a query in EU, after 3 "
                        + "attempts: The service is currently unavailable." + System.lineSeparator()
                        + "  hint: BigQuery or the network is having trouble; run again later, or raise job_retries "
                        + "in profiles.yml (now 2)");
        assertThat(fake.calls("jobs.insert")).isEqualTo(3);
    }

    @Test
    void aJobThatKeepsFailingTransientlyIsRunAtMostJobRetriesMoreTimes() {
        fake.answer(sql -> Answer.error("backendError", "Error encountered during execution."));

        assertThatThrownBy(() -> session.execute("select 1")).isInstanceOf(EngineException.class)
                .hasMessageMatching("BigQuery job quarry_\\w+ in EU failed \\(a transient error; retried 2 times\\): "
                        + "Error encountered during execution\\.");
        assertThat(fake.calls("jobs.insert")).isEqualTo(3);
    }

    @Test
    void aFailingQueryNamesTheJobItsLocationAndBigQuerysMessage() {
        fake.answer(sql -> Answer.error("invalidQuery", "Syntax error: Unexpected keyword FROM at [1:8]"));

        assertThatThrownBy(() -> session.execute("select from t")).isInstanceOf(EngineException.class)
                .hasMessage("BigQuery job " + jobId(0) + " in EU failed: Syntax error: Unexpected keyword FROM at "
                        + "[1:8]");
        assertThat(fake.calls("jobs.insert")).as("not retried").isEqualTo(1);
    }

    @Test
    void aDeniedPermissionSaysWhichRoleGrantsItAndHowQuarryAuthenticates() {
        fake.failNext("jobs.insert", 1, 403, "accessDenied", "Access Denied: Project test-project: User does not "
                + "have bigquery.jobs.create permission in project test-project.");

        assertThatThrownBy(() -> session.execute("select 1")).isInstanceOf(EngineException.class)
                .hasMessage(String.join(System.lineSeparator(),
                        "BigQuery denied access (HTTP 403 accessDenied) while running a query in EU: Access Denied: "
                                + "Project test-project: User does not have bigquery.jobs.create permission in "
                                + "project test-project.",
                        "  hint: the account Quarry authenticates as lacks the permission bigquery.jobs.create, "
                                + "which roles/bigquery.jobUser on the project grants",
                        "  hint: Quarry authenticated with method 'oauth' (application default credentials); the "
                                + "methods are 'oauth' (application default credentials: run 'gcloud auth "
                                + "application-default login', or use the machine's service account), "
                                + "'service-account' (keyfile: the path of a service account key file) and "
                                + "'service-account-json' (keyfile_json: the key's JSON, e.g. "
                                + "\"${env_var('BIGQUERY_KEYFILE_JSON')}\"); impersonate_service_account: EMAIL acts "
                                + "as another service account with any of them"));
        assertThat(fake.calls("jobs.insert")).as("not retried").isEqualTo(1);
    }

    @Test
    void aJobDeniedAccessToATableNamesTheRoleThatReadsIt() {
        fake.answer(sql -> Answer.error("accessDenied", "Access Denied: Table other:sales.orders: Permission "
                + "bigquery.tables.getData denied on table other:sales.orders (or it may not exist)."));

        assertThatThrownBy(() -> session.query("select * from `other.sales.orders`", 1))
                .hasMessageStartingWith("BigQuery job " + jobId(0) + " in EU was denied access: Access Denied: "
                        + "Table other:sales.orders")
                .hasMessageContaining("  hint: the account Quarry authenticates as lacks the permission "
                        + "bigquery.tables.getData, which roles/bigquery.dataViewer on the dataset or the project "
                        + "grants");
    }

    @Test
    void anUnknownProjectSaysToCheckTheProfile() {
        fake.failNext("jobs.insert", 1, 404, "notFound", "Not found: Project test-project");

        assertThatThrownBy(() -> session.execute("select 1")).hasMessageStartingWith(
                "BigQuery cannot find project 'test-project' while running a query in EU: Not found: Project "
                        + "test-project" + System.lineSeparator() + "  hint: check 'project' in profiles.yml (now "
                        + "'test-project'), and that the credentials can see it");
    }

    @Test
    void aMissingKeyFileIsACredentialsErrorNamingTheMethods(@TempDir Path project) {
        Map<String, Object> output = BigQueryTesting.output(fake);
        output.remove("api_endpoint");
        output.put("method", "service-account");
        output.put("keyfile", "keys/quarry.json");

        assertThatThrownBy(() -> BigQueryAdapter.open(BigQueryTesting.target(output), project))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("no Google Cloud credentials for BigQuery (method: service-account): the "
                        + "keyfile " + project.resolve("keys/quarry.json") + " does not exist"
                        + System.lineSeparator() + "  hint: Quarry authenticated with method 'service-account'");
    }

    @Test
    void aMalformedKeyIsReportedWithoutQuotingIt(@TempDir Path project) throws Exception {
        String secret = "{\"type\": \"service_account\", \"private_key\": \"-----BEGIN PRIVATE KEY-----SECRET-123\"";
        Map<String, Object> output = BigQueryTesting.output(fake);
        output.remove("api_endpoint");
        output.put("method", "service-account-json");
        output.put("keyfile_json", secret);
        Files.writeString(project.resolve("key.json"), secret);

        assertThatThrownBy(() -> BigQueryAdapter.open(BigQueryTesting.target(output), project))
                .isInstanceOf(EngineException.class).hasNoCause()
                .hasMessageStartingWith("no Google Cloud credentials for BigQuery (method: service-account-json): "
                        + "keyfile_json is not a service account key")
                .message().doesNotContain("SECRET-123").doesNotContain("PRIVATE KEY");
        output.put("method", "service-account");
        output.put("keyfile", "key.json");
        assertThatThrownBy(() -> BigQueryAdapter.open(BigQueryTesting.target(output), project))
                .message().startsWith("no Google Cloud credentials for BigQuery (method: service-account): the "
                        + "keyfile " + project.resolve("key.json") + " is not a service account key")
                .doesNotContain("SECRET-123");
    }

    private String jobId(int index) {
        return fake.requests("jobs.insert").get(index).json().at("/jobReference/jobId").asText();
    }

    private Relation relation(String name) {
        return new Relation(null, "analytics", name, adapter.dialect().relation(null, "analytics", name));
    }
}
