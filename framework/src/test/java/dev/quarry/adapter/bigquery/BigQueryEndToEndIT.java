package dev.quarry.adapter.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.quarry.adapter.bigquery.FakeBigQuery.Answer;
import dev.quarry.cli.FixtureProject;

/**
 * The real CLI runs the fixture project {@code projects/bigquery_shop} on BigQuery through Google's client, against
 * the loopback BigQuery: statements as labelled jobs, each node's job statistics in run_results.json, the bytes
 * billed in the summary, and dry runs.
 */
class BigQueryEndToEndIT {

    @TempDir
    Path dir;

    private FakeBigQuery fake;
    private FixtureProject fixture;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeBigQuery();
        fixture = FixtureProject.copy("bigquery_shop", dir);
        Files.writeString(fixture.root().resolve("profiles.yml"), """
                bigquery_shop:
                  target: dev
                  outputs:
                    dev:
                      type: bigquery
                      project: test-project
                      dataset: analytics
                      location: EU
                      api_endpoint: "%s"
                      threads: 2
                """.formatted(fake.endpoint()));
        // What reads stg_orders processes 2 KiB and bills BigQuery's minimum of 10 MiB; everything else is free.
        fake.answer(sql -> sql.startsWith("create or replace view") ? Answer.statement("CREATE_VIEW")
                : sql.contains("`stg_orders`") ? new Answer(sql.startsWith("create") ? "CREATE_TABLE_AS_SELECT"
                        : "SELECT", List.of(), List.of(), null, null, null, false, 2048, 10_485_760, 12, false)
                : Answer.statement("SELECT"));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void runBuildsEachModelAsALabelledJobAndRecordsWhatItBilled() throws Exception {
        assertThat(fixture.run("run")).as(fixture.stderr()).isZero();

        assertThat(fixture.stdout()).contains("OK created table model analytics.fct_orders")
                .contains("Completed: PASS=2 WARN=0 ERROR=0 SKIP=0 TOTAL=2")
                .contains("Bytes billed: 10,485,760 bytes (10.00 MiB");
        JsonNode fct = null;
        for (JsonNode result : new ObjectMapper().readTree(fixture.root().resolve("target/run_results.json")
                .toFile()).get("results")) {
            if (result.get("unique_id").asText().equals("model.bigquery_shop.fct_orders")) {
                fct = result.get("adapter_response");
            }
        }
        assertThat(fct).isNotNull();
        assertThat(fct.get("job_id").asText()).matches("quarry_[0-9a-f]{32}");
        assertThat(fct.get("location").asText()).isEqualTo("EU");
        assertThat(fct.get("bytes_billed").asLong()).isEqualTo(10_485_760);
        assertThat(fct.get("jobs").asLong()).isOne();
        JsonNode create = fake.requests("jobs.insert").stream().map(FakeBigQuery.Request::json)
                .filter(job -> job.at("/configuration/query/query").asText().startsWith("create or replace table"))
                .findFirst().orElseThrow();
        assertThat(create.at("/configuration/query/query").asText()).isEqualTo("""
                create or replace table `test-project`.`analytics`.`fct_orders`
                partition by `day`
                cluster by `id`
                as
                select id, day from `test-project`.`analytics`.`stg_orders`
                """);
        assertThat(create.at("/configuration/labels/quarry_node").asText()).isEqualTo("model_bigquery_shop_fct_orders");
        assertThat(create.at("/configuration/labels/quarry_invocation_id").asText()).isNotBlank();
    }

    @Test
    void aDryRunEstimatesEachModelAndRunsNothing() {
        assertThat(fixture.run("compile", "--dry-run")).as(fixture.stderr()).isZero();

        assertThat(fixture.stdout()).contains("model stg_orders would process 0 bytes")
                .contains("model fct_orders would process 2,048 bytes (2.00 KiB")
                .contains("Dry run of 2 models: nothing was run");
        assertThat(fake.requests("jobs.insert")).isNotEmpty().allSatisfy(request ->
                assertThat(request.json().at("/configuration/dryRun").asBoolean()).isTrue());
    }
}
