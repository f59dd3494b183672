package dev.sfcrimestats.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sfcrimestats.SfProject;

/**
 * The SF project compiles for the BigQuery prod target without warnings (nothing connects: compile only renders), with
 * each model's config one BigQuery can run: the daily mart replaces its days' partitions there, as delete+insert does
 * on DuckDB.
 */
class SfProdTargetTest {

    @TempDir
    Path dir;

    private JsonNode compile(String... arguments) throws IOException {
        SfProject project = SfProject.copyInto(Files.createDirectories(dir.resolve("project" + arguments.length)))
                .env("GCP_PROJECT", "offline-compile")
                .env("SFPD_LANDING", "gs://offline-compile/landing")
                .env("NO_GCE_CHECK", "true");
        SfProject.Result result = project.run(arguments);
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        assertThat(result.stderr()).isEmpty();
        return new ObjectMapper().readTree(project.root().resolve("target/manifest.json").toFile());
    }

    @Test
    void theDailyMartOverwritesDayPartitionsOnBigQueryAndDeletesAndInsertsDaysOnDuckDb() throws IOException {
        JsonNode prod = compile("--target", "prod", "compile", "--strict");
        JsonNode local = compile("compile", "--strict");

        JsonNode prodConfig = prod.at("/nodes/model.sf_crime_stats.mart_daily_incidents/config");
        assertThat(prod.at("/metadata/adapter_type").asText()).isEqualTo("bigquery");
        assertThat(prodConfig.at("/incremental_strategy").asText()).isEqualTo("insert_overwrite");
        assertThat(prodConfig.at("/partition_by/field").asText()).isEqualTo("incident_date");
        assertThat(prodConfig.at("/partition_by/granularity").asText()).isEqualTo("day");
        assertThat(local.at("/nodes/model.sf_crime_stats.mart_daily_incidents/config/incremental_strategy").asText())
                .isEqualTo("delete+insert");
    }
}
